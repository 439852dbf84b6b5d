// Progressive enhancement for the sign-up and manage pages: every form also works without this script as a
// plain form post. Served from /assets because the Content-Security-Policy forbids inline script.
'use strict';
(function () {
  function clearErrors(form) {
    form.querySelectorAll('[data-error-for]').forEach(function (el) { el.textContent = ''; });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  }

  function showError(form, error) {
    var prefix = form.dataset.fieldPrefix || '';
    var field = error.field || '';
    if (prefix && field.indexOf(prefix) === 0) field = field.substring(prefix.length);
    var slot = form.querySelector('[data-error-for="' + CSS.escape(field) + '"]') || form.querySelector('[data-error-for=""]');
    var status = document.getElementById('status');
    if (slot) slot.textContent = error.message; else if (status) status.textContent = error.message;
    var input = form.querySelector('[name="' + CSS.escape(field) + '"]');
    if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
  }

  function value(form, name) {
    var el = form.elements.namedItem(name);
    if (!el) return null;
    return (el.value === undefined ? '' : el.value).trim();
  }

  function search(form) {
    var salary = value(form, 'minSalary');
    return {
      query: value(form, 'query') || '',
      locations: (value(form, 'locations') || '').split(',').map(function (s) { return s.trim(); }).filter(Boolean),
      remote: value(form, 'remote') || 'any',
      minSalary: salary ? Number(salary) : null
    };
  }

  function body(form) {
    switch (form.dataset.api) {
      case 'signup': return { email: value(form, 'email'), search: search(form), frequency: value(form, 'frequency') || 'instant' };
      case 'search': return search(form);
      case 'frequency': return { frequency: value(form, 'frequency') };
      default: return null;
    }
  }

  function submit(event) {
    var form = event.target;
    event.preventDefault();
    clearErrors(form);
    var payload = body(form);
    var init = { method: form.dataset.method || 'POST', headers: { 'Accept': 'application/json' } };
    if (payload !== null) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(payload);
    }
    fetch(form.dataset.url, init).then(function (response) {
      if (response.ok) {
        if (form.dataset.api === 'signup') {
          form.reset();
          document.getElementById('status').textContent =
            'Almost done: we sent you an email. Follow the link in it to confirm your alert.';
        } else {
          window.location.reload();
        }
        return null;
      }
      return response.json().then(function (json) { showError(form, json.error || { message: 'Something went wrong.' }); });
    }).catch(function () {
      showError(form, { message: 'We could not reach the server; please try again.' });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('form[data-api]').forEach(function (form) { form.addEventListener('submit', submit); });
  });
})();
