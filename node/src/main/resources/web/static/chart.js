// Draws the bar charts of a page with uPlot when JavaScript runs. Each <figure data-chart="id">
// reads its figures from the JSON script element with that id: labels of the x axis, names of the
// axes, and series with their names, values, colours and bar widths. The page's table stays the
// source of the numbers; the figure is hidden from assistive technology (it repeats the table).
(function () {
  if (typeof uPlot === 'undefined') {
    return;
  }
  var family = getComputedStyle(document.body).fontFamily;
  var whole = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5];
  Array.prototype.forEach.call(document.querySelectorAll('figure[data-chart]'), function (box) {
    var source = document.getElementById(box.getAttribute('data-chart'));
    if (!source) {
      return;
    }
    var d = JSON.parse(source.textContent);
    var xs = d.labels.map(function (_, i) { return i; });
    var series = d.series.slice();
    var drawn = series.map(function (s) { return s.values; });
    if (d.stacked) {
      // Each bar reaches the sum of itself and those below it; the tallest is drawn first, behind.
      var sums = xs.map(function () { return 0; });
      drawn = drawn.map(function (v) { return v.map(function (y, i) { sums[i] += y || 0; return sums[i]; }); });
      series.reverse();
      drawn.reverse();
    }
    var top = Math.max.apply(null, drawn.map(function (v) { return Math.max.apply(null, v.map(function (y) { return y || 0; })); }));
    var axis = { font: '14px ' + family, labelFont: 'bold 14px ' + family, labelSize: 36 };
    new uPlot({
      title: d.title,
      width: Math.min(box.clientWidth || 640, 960),
      height: 300,
      scales: { x: { time: false, range: [-0.5, xs.length - 0.5] }, y: { range: [0, Math.max(5, Math.ceil(top * 1.15))] } },
      legend: { live: false },
      axes: [
        Object.assign({ label: d.x, splits: xs, values: function (u, splits) { return splits.map(function (i) { return d.labels[i] || ''; }); } }, axis),
        Object.assign({ incrs: d.stacked ? whole : undefined }, axis)
      ],
      series: [{}].concat(series.map(function (s) {
        return { label: s.name, fill: s.fill, stroke: s.stroke, points: { show: false }, paths: uPlot.paths.bars({ size: [s.width, 120] }) };
      }))
    }, [xs].concat(drawn), box);
    // The y axis's name reads across, above the axis (a rotated Korean name is hard to read).
    var name = document.createElement('p');
    name.className = 'app-chart__y';
    name.textContent = d.y;
    var plot = box.querySelector('.u-wrap');
    plot.parentNode.insertBefore(name, plot);
  });
})();
