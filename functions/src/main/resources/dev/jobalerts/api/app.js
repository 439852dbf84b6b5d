// Progressive enhancement for the sign-up and manage pages: every form also works without this script as a
// plain form post. Served from /assets because the Content-Security-Policy forbids inline script.
'use strict';
(function () {
  var SEARCH_FIELDS = ['query', 'locations', 'remote', 'minSalary'];
  // A preview is asked for once the person has stopped typing this long: not one request per keystroke.
  var PREVIEW_DELAY_MS = 400;

  function clearErrors(form, only) {
    form.querySelectorAll('[data-error-for]').forEach(function (el) {
      if (!only || only.indexOf(el.dataset.errorFor) >= 0) el.textContent = '';
    });
    form.querySelectorAll('[aria-invalid]').forEach(function (el) {
      if (!only || only.indexOf(el.name) >= 0) el.removeAttribute('aria-invalid');
    });
  }

  function showError(form, error, focus) {
    var prefix = form.dataset.fieldPrefix || '';
    var field = error.field || '';
    if (prefix && field.indexOf(prefix) === 0) field = field.substring(prefix.length);
    var slot = form.querySelector('[data-error-for="' + CSS.escape(field) + '"]') || form.querySelector('[data-error-for=""]');
    var status = document.getElementById('status');
    if (slot) slot.textContent = error.message; else if (status) status.textContent = error.message;
    var input = form.querySelector('[name="' + CSS.escape(field) + '"]');
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      if (focus !== false) input.focus();
    }
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

  // ---------------------------------------------------------------- live preview

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function number(n) {
    return Number(n).toLocaleString('en-US');
  }

  // The same wording as the page rendered by the server (Pages.previewView).
  function countText(preview) {
    var days = preview.days + (preview.days === 1 ? ' day' : ' days');
    if (preview.of === 0) return 'No postings were first seen in the last ' + days + ', so there is nothing to compare your search with yet.';
    if (preview.matches === 0) return 'None of the ' + number(preview.of) + ' postings first seen in the last ' + days + ' match this search.';
    return number(preview.matches) + ' of the ' + number(preview.of) + ' postings first seen in the last ' + days +
      (preview.matches === 1 ? ' matches' : ' match') + ' this search.';
  }

  function example(item) {
    var li = el('li');
    var title = el('span', 'preview-title');
    // Only http(s) links: a posting's URL comes from a scraped page (the server already drops other schemes).
    if (item.url && /^https?:\/\//i.test(item.url)) {
      var a = el('a', null, item.title);
      a.href = item.url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      title.appendChild(a);
    } else {
      title.textContent = item.title;
    }
    li.appendChild(title);
    var where = [item.company, item.location].filter(function (s) { return s && s.trim(); }).join(' · ');
    if (where) li.appendChild(el('span', 'preview-where', where));
    if (item.datePosted) li.appendChild(el('span', 'preview-posted', 'posted ' + item.datePosted));
    var matched = (item.matched || []).map(function (t) { return t.replace(/\s+/g, ' ').trim(); }).filter(Boolean).join(', ');
    if (matched) li.appendChild(el('span', 'preview-matched', 'matched: ' + matched));
    return li;
  }

  // Text only (textContent, never innerHTML): posting fields are untrusted.
  function renderPreview(area, preview) {
    area.replaceChildren(el('p', 'error', ''), el('p', 'preview-count', countText(preview)));
    area.firstChild.setAttribute('role', 'alert');
    area.firstChild.setAttribute('data-preview-error', '');
    var list = el('ol', 'preview-examples');
    list.setAttribute('aria-label', 'Newest matches');
    preview.examples.forEach(function (item) { list.appendChild(example(item)); });
    area.appendChild(list);
    area.dataset.state = 'shown';
  }

  function renderProblem(area, message) {
    var problem = el('p', 'error', message);
    problem.setAttribute('role', 'alert');
    problem.setAttribute('data-preview-error', '');
    area.replaceChildren(problem);
    area.dataset.state = 'problem';
  }

  function setUpPreview(form) {
    var area = form.querySelector('[data-preview-area]');
    if (!area || !form.dataset.previewUrl) return;
    var timer = null;
    var asked = 0;
    var inFlight = null;

    function run() {
      clearTimeout(timer);
      var mine = ++asked;
      if (inFlight) inFlight.abort();
      inFlight = new AbortController();
      area.setAttribute('aria-busy', 'true');
      fetch(form.dataset.previewUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(search(form)),
        signal: inFlight.signal
      }).then(function (response) {
        return response.json().then(function (json) { return { status: response.status, json: json }; });
      }).then(function (answer) {
        if (mine !== asked) return; // a newer preview is on its way
        area.removeAttribute('aria-busy');
        clearErrors(form, SEARCH_FIELDS);
        if (answer.status === 200) { renderPreview(area, answer.json); return; }
        var error = answer.json.error || { message: 'Something went wrong.' };
        if (answer.status === 429) { renderProblem(area, 'Too many previews in a short time; the preview resumes in a moment.'); return; }
        renderProblem(area, 'Fix the search to see what it would match.');
        showError(form, error, false);
      }).catch(function (e) {
        if (e.name === 'AbortError' || mine !== asked) return;
        area.removeAttribute('aria-busy');
        renderProblem(area, 'The preview is not available right now.');
      });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(run, PREVIEW_DELAY_MS);
    }

    SEARCH_FIELDS.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (field) field.addEventListener(field.tagName === 'SELECT' ? 'change' : 'input', later);
    });
    form.previewNow = run;
  }

  // ---------------------------------------------------------------- submitting

  function submit(event) {
    var form = event.target;
    event.preventDefault();
    if (event.submitter && event.submitter.hasAttribute('data-preview-button') && form.previewNow) {
      form.previewNow();
      return;
    }
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
          var area = form.querySelector('[data-preview-area]');
          if (area) area.replaceChildren();
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
    document.querySelectorAll('form[data-api]').forEach(function (form) {
      form.addEventListener('submit', submit);
      setUpPreview(form);
    });
  });
})();
