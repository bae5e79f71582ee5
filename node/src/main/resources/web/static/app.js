// The few live parts of the web UI. Every page works without this script: it only saves the plan
// form while it is typed and refreshes completeness and the advisory check beside it.
import { initAll } from '/assets/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();

const form = document.getElementById('plan-form');
if (form && form.dataset.autosave) {
  const storeKey = 'preconsult-unsaved:' + form.dataset.autosave;
  let timer = null;
  let inFlight = false;
  let again = false;

  const replacePanel = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html.trim();
    const fresh = template.content.firstElementChild;
    const panel = document.getElementById('live-panel');
    if (fresh && panel) {
      panel.replaceWith(fresh);
    }
  };

  const save = async () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    const body = new URLSearchParams(new FormData(form));
    try {
      const response = await fetch(form.dataset.autosave, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'X-Preconsult-Script': '1', 'X-CSRF-Token': form.elements['_csrf'].value }
      });
      if (response.ok) {
        localStorage.removeItem(storeKey);
        replacePanel(await response.text());
      } else {
        // Signed out or refused: keep what was typed in this browser until it can be saved.
        localStorage.setItem(storeKey, body.toString());
        const panel = document.getElementById('live-panel');
        if (panel && !document.getElementById('autosave-failed')) {
          const note = document.createElement('p');
          note.id = 'autosave-failed';
          note.className = 'govuk-error-message';
          note.textContent = form.dataset.unsaved || 'Not saved';
          panel.prepend(note);
        }
      }
    } catch (offline) {
      localStorage.setItem(storeKey, body.toString());
    } finally {
      inFlight = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 600);
  };

  // Text typed before a session ended comes back into the form, then is saved.
  const kept = localStorage.getItem(storeKey);
  if (kept) {
    for (const [name, value] of new URLSearchParams(kept)) {
      const field = form.elements[name];
      if (field && name !== '_csrf' && field.type !== 'checkbox') {
        field.value = value;
      }
    }
    schedule();
  }
  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
}
