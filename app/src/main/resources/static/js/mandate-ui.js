// What the pages do beyond plain HTML: draw a request's path diagram, take the keyboard to the first error,
// keep the live inbox's notices short, send a poll that lost its session to the login page, and reload a page
// that shows work in progress.
(function () {
  'use strict';

  function showDiagrams() {
    document.querySelectorAll('[data-bpmn-url]').forEach(async (container) => {
      if (!window.MandateBpmn) {
        return;
      }
      try {
        const response = await fetch(container.dataset.bpmnUrl, { credentials: 'same-origin' });
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        const active = (container.dataset.active || '').split(',').filter(Boolean);
        const viewer = await window.MandateBpmn.showDiagram(container, await response.text(), active);
        const list = container.dataset.steps && document.getElementById(container.dataset.steps);
        if (list) {
          window.MandateBpmn.describeSteps(list, viewer, active, holders(container.dataset.holders));
        }
        container.dataset.rendered = 'true';
      } catch (error) {
        container.textContent = (container.dataset.failed
          || 'The diagram could not be shown ({0}); the steps above say the same.').replace('{0}', error.message);
      }
    });
  }

  /** "elementId=Name" lines, as the request page writes who holds each open step. */
  function holders(text) {
    const found = {};
    (text || '').split('\n').filter(Boolean).forEach((line) => {
      const at = line.indexOf('=');
      found[line.slice(0, at)] = line.slice(at + 1);
    });
    return found;
  }

  function focusFirstError() {
    const invalid = document.querySelector('[aria-invalid="true"]');
    if (invalid) {
      invalid.focus();
      return;
    }
    const alert = document.querySelector('.error[role="alert"]');
    if (alert) {
      alert.setAttribute('tabindex', '-1');
      alert.focus();
    }
  }

  function keepNoticesShort() {
    const notices = document.getElementById('notices');
    while (notices && notices.children.length > 5) {
      notices.removeChild(notices.firstElementChild);
    }
  }

  /** A page that shows work in progress (a projection's rebuild) asks to be read again until the work is done. */
  function reloadWhileWorking() {
    const marker = document.querySelector('[data-reload-after]');
    if (marker) {
      setTimeout(() => window.location.reload(), Number(marker.dataset.reloadAfter));
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    showDiagrams();
    reloadWhileWorking();
    focusFirstError();
    document.body.addEventListener('htmx:afterSwap', keepNoticesShort);
    document.body.addEventListener('htmx:oobAfterSwap', keepNoticesShort);
    document.body.addEventListener('htmx:beforeSwap', (event) => {
      const url = event.detail.xhr && event.detail.xhr.responseURL;
      if (url && new URL(url).pathname.endsWith('/login')) {
        event.detail.shouldSwap = false;
        window.location.href = url;
      }
    });
  });
}());
