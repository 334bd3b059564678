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

/** The names a message may give a field: its label, and its label without a closing remark ("Enterprise number"
 * for "Enterprise number (KBO/BCE)"). */
function namesOf(field) {
  const label = labelOf(field);
  const short = label.replace(/\s*\([^)]*\)\s*$/, '').trim();
  return [label, short].filter(n => n.length > 0);
}

/** The field whose name the message begins with (the longest such name: "Contact 1: e-mail" before "Contact 1"). */
function fieldNamedIn(form, message) {
  let best = null;
  let bestLength = 0;
  form.querySelectorAll('.fjs-form-field').forEach(field => {
    namesOf(field).forEach(name => {
      if (message.startsWith(name) && name.length > bestLength) {
        best = field;
        bestLength = name.length;
      }
    });
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
  // Tasklist's own close button (removeNotification), not uib-alert's hidden one, which does nothing here
  const button = alert.querySelector('button.close[ng-click^="removeNotification"]')
    || alert.querySelector('button.close:not(.ng-hide)');
  if (button) {
    button.click();
  } else {
    alert.remove();
  }
}

function place(alert, tries) {
  const scope = alert.closest('.modal') || alert.closest('[cam-tasklist-task]') || document;
  const form = scope.querySelector('.fjs-form');
  const text = alert.querySelector('.message');
  if (!form || !text || !alert.classList.contains('alert-danger')) {
    return;
  }
  const message = text.textContent.trim();
  if (!message && tries < 20) {
    // Angular fills the message in after it adds the alert
    setTimeout(() => place(alert, tries + 1), 100);
    return;
  }
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
  alerts.forEach(alert => setTimeout(() => place(alert, 0), 50));
}))).observe(document.body, {childList: true, subtree: true});
