/*
 * Arrangement Governance, loaded by Tasklist as a custom script (config.js, customScripts).
 *
 * When the server refuses a Camunda Forms form (a start form or a task form: a wrong check number, say), Tasklist adds
 * an alert at the top of the dialog, out of sight of a person who pressed "Start" at the bottom, and keeps the earlier
 * ones. The server's message is one sentence that begins with the field's label ("Enterprise number has a wrong check
 * number: ..."), so this puts that sentence under the field it names, marks the field as form-js marks its own errors,
 * scrolls it into view, and removes the alerts: one message, next to the field. A message that names no field of the
 * form stays at the top, alone, scrolled into view.
 */
const MARK = 'governance-server-error';

function labelOf(field) {
  const label = field.querySelector('.fjs-form-field-label');
  return label ? label.textContent.replace(/\s*\*\s*$/, '').trim() : '';
}

/** The field whose label the message begins with (the longest such label: "Contact 1: e-mail" before "Contact 1"). */
function fieldNamedIn(form, message) {
  let best = null;
  form.querySelectorAll('.fjs-form-field').forEach(field => {
    const label = labelOf(field);
    if (label && message.startsWith(label) && (!best || label.length > labelOf(best).length)) {
      best = field;
    }
  });
  return best;
}

function clearMarks(scope) {
  scope.querySelectorAll('.' + MARK).forEach(e => e.remove());
  scope.querySelectorAll('.fjs-has-errors[data-governance-marked]').forEach(f => {
    f.classList.remove('fjs-has-errors');
    f.removeAttribute('data-governance-marked');
  });
}

function close(alert) {
  const button = alert.querySelector('button.close');
  if (button) {
    button.click();
  } else {
    alert.remove();
  }
}

function place(alert) {
  const scope = alert.closest('.modal') || alert.closest('[cam-tasklist-task]') || document;
  const form = scope.querySelector('.fjs-form');
  const text = alert.querySelector('.message');
  if (!form || !text || !alert.classList.contains('alert-danger')) {
    return;
  }
  const message = text.textContent.trim();
  // one message only: the earlier alerts and marks go
  Array.from(scope.querySelectorAll('.notifications .alert')).filter(a => a !== alert).forEach(close);
  clearMarks(scope);
  const field = fieldNamedIn(form, message);
  if (!field) {
    alert.scrollIntoView({block: 'center'});
    return;
  }
  const error = document.createElement('div');
  error.className = 'fjs-form-field-error ' + MARK;
  error.setAttribute('role', 'alert');
  error.textContent = message;
  field.appendChild(error);
  field.classList.add('fjs-has-errors');
  field.setAttribute('data-governance-marked', 'true');
  const input = field.querySelector('input, textarea, select');
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.addEventListener('input', () => clearMarks(scope), {once: true});
  }
  close(alert);
  field.scrollIntoView({block: 'center'});
}

new MutationObserver(records => records.forEach(r => r.addedNodes.forEach(node => {
  if (node.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  const alerts = node.matches('.notifications .alert') ? [node] : Array.from(node.querySelectorAll('.notifications .alert'));
  // Angular fills the message after it adds the element: wait a moment
  alerts.forEach(alert => setTimeout(() => place(alert), 50));
}))).observe(document.body, {childList: true, subtree: true});
