// The turnaround chart: draws the report's table figures with uPlot when JavaScript runs.
// The table stays the source; the chart is hidden from assistive technology (it repeats the table).
(function () {
  var data = document.getElementById('turnaround-data');
  var box = document.getElementById('turnaround-chart');
  if (!data || !box || typeof uPlot === 'undefined') {
    return;
  }
  var d = JSON.parse(data.textContent);
  var xs = d.labels.map(function (_, i) { return i; });
  var bars = function (size) { return uPlot.paths.bars({ size: [size, 120] }); };
  var opts = {
    title: box.getAttribute('data-title'),
    width: Math.min(box.clientWidth || 640, 760),
    height: 280,
    scales: { x: { time: false, range: [-0.5, xs.length - 0.5] }, y: { range: function (u, min, max) { return [0, Math.max(5, Math.ceil(max * 1.2))]; } } },
    axes: [
      { splits: xs, values: function (u, splits) { return splits.map(function (i) { return d.labels[i] || ''; }); } },
      { label: d.names.days }
    ],
    series: [
      { label: d.names.level, value: function (u, v) { return v == null ? '' : (d.labels[v] || ''); } },
      { label: d.names.p90, fill: '#b1b4b6', stroke: '#505a5f', paths: bars(0.6), points: { show: false } },
      { label: d.names.median, fill: '#1d70b8', stroke: '#003078', paths: bars(0.3), points: { show: false } }
    ]
  };
  new uPlot(opts, [xs, d.p90, d.median], box);
})();
