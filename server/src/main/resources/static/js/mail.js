// Internal mail composer (templates/mail/compose.html): recipient pickers with chips, a small rich-text editor synced
// into a hidden field, attachment upload through the files module, draft autosave. No inline scripts (the CSP forbids
// them); texts come from data-* attributes rendered from the message bundles. Works without it as a plain form except
// for the pickers and uploads.
(function () {
  'use strict';

  function csrfHeaders() {
    var raw = document.body.getAttribute('hx-headers');
    if (!raw) {
      return {};
    }
    try {
      return JSON.parse(raw);
    } catch (e) {
      return {};
    }
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text != null) {
      node.textContent = text;
    }
    return node;
  }

  var form = document.getElementById('compose-form');
  if (!form) {
    return;
  }
  var dirty = false;
  var submitting = false;
  var saving = null;

  function markDirty() {
    dirty = true;
  }

  // --- recipient pickers -----------------------------------------------------------------------------------------
  function chip(field, value, label, kind, removeLabel) {
    var span = el('span', { 'class': 'chip kind-' + kind, 'data-value': value });
    span.appendChild(el('span', { 'class': 'chip-label' }, label));
    span.appendChild(el('input', { type: 'hidden', name: field, value: value }));
    var remove = el('button', { type: 'button', 'class': 'chip-remove', 'aria-label': removeLabel, title: removeLabel }, '\u00d7');
    span.appendChild(remove);
    return span;
  }

  function addRecipient(field, value, label, kind) {
    var picker = form.querySelector('.picker[data-field="' + field + '"]');
    if (!picker) {
      return;
    }
    var exists = Array.prototype.some.call(picker.querySelectorAll('input[type=hidden][name="' + field + '"]'),
      function (input) { return input.value === value; });
    if (!exists) {
      picker.insertBefore(chip(field, value, label, kind, picker.getAttribute('data-remove-label') || 'x'),
        picker.querySelector('.picker-input'));
      markDirty();
    }
    var input = picker.querySelector('.picker-input');
    var options = picker.querySelector('.picker-options');
    if (input) {
      input.value = '';
    }
    if (options) {
      options.innerHTML = '';
    }
  }

  document.addEventListener('click', function (event) {
    var option = event.target.closest('.picker-option, .suggest-add');
    if (option) {
      event.preventDefault();
      var picker = option.closest('.picker'); // before the options are cleared
      addRecipient(option.getAttribute('data-field'), option.getAttribute('data-value'),
        option.getAttribute('data-label'), option.getAttribute('data-kind'));
      if (option.classList.contains('suggest-add')) {
        option.disabled = true;
      } else {
        var input = picker && picker.querySelector('.picker-input');
        if (input) {
          input.focus();
        }
      }
      return;
    }
    if (!event.target.closest('.picker')) {
      // a click elsewhere closes the pickers' suggestion lists
      form.querySelectorAll('.picker-options').forEach(function (list) { list.innerHTML = ''; });
    }
    var remove = event.target.closest('.chip-remove');
    if (remove) {
      event.preventDefault();
      remove.closest('.chip').remove();
      markDirty();
    }
  });

  form.querySelectorAll('.picker-input').forEach(function (input) {
    input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter') {
        // Enter picks the first suggestion instead of submitting the mail half written
        event.preventDefault();
        var first = input.closest('.picker').querySelector('.picker-option');
        if (first) {
          first.click();
        }
      } else if (event.key === 'Escape') {
        input.closest('.picker').querySelector('.picker-options').innerHTML = '';
      } else if (event.key === 'Backspace' && input.value === '') {
        var chips = input.closest('.picker').querySelectorAll('.chip');
        if (chips.length) {
          chips[chips.length - 1].remove();
          markDirty();
        }
      }
    });
  });

  // --- rich text editor --------------------------------------------------------------------------------------------
  var editor = form.querySelector('.editor');
  var bodyField = document.getElementById('body');

  function syncBody() {
    if (editor && bodyField) {
      bodyField.value = editor.innerHTML;
    }
  }

  if (editor) {
    // a reply or forward starts with an empty paragraph above the quoted mail: give it height and put the caret
    // there on the first focus, so that what the user types goes above the quote, not into it
    var lead = editor.firstElementChild;
    if (lead && lead.tagName === 'P' && lead.textContent === '' && lead.nextElementSibling) {
      lead.innerHTML = '<br>';
      editor.addEventListener('focus', function () {
        window.setTimeout(function () {
          var range = document.createRange();
          range.setStart(lead, 0);
          range.collapse(true);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }, 0);
      }, { once: true });
    }
    editor.addEventListener('input', function () {
      syncBody();
      markDirty();
    });
    form.querySelectorAll('.editor-toolbar [data-cmd]').forEach(function (button) {
      button.addEventListener('mousedown', function (event) {
        event.preventDefault(); // keep the selection in the editor
      });
      button.addEventListener('click', function () {
        var cmd = button.getAttribute('data-cmd');
        editor.focus();
        if (cmd === 'createLink') {
          var url = window.prompt(button.getAttribute('data-prompt') || 'URL', 'https://');
          if (!url || !/^(https?:|mailto:|\/)/i.test(url)) {
            return;
          }
          document.execCommand('createLink', false, url);
        } else if (cmd === 'blockquote') {
          document.execCommand('formatBlock', false, 'blockquote');
        } else {
          document.execCommand(cmd, false, null);
        }
        syncBody();
        markDirty();
      });
    });
  }

  // --- attachments -------------------------------------------------------------------------------------------------
  var fileInput = document.getElementById('attachment-input');
  var fileList = document.getElementById('attachment-list');
  var fileError = document.getElementById('attachmentIds-error');
  if (fileInput && fileList) {
    fileInput.addEventListener('change', function () {
      Array.prototype.forEach.call(fileInput.files, function (file) {
        var data = new FormData();
        data.append(fileInput.getAttribute('data-part') || 'file', file);
        var pending = el('li', { 'class': 'chip uploading' }, file.name + ' …');
        fileList.appendChild(pending);
        fetch(fileInput.getAttribute('data-upload-url'), {
          method: 'POST', body: data, headers: Object.assign({ 'Accept': 'application/json' }, csrfHeaders()),
          credentials: 'same-origin'
        }).then(function (response) {
          return response.json().then(function (json) {
            return { ok: response.ok, json: json };
          });
        }).then(function (result) {
          pending.remove();
          if (!result.ok) {
            fileError.textContent = (result.json && result.json.detail) || fileInput.getAttribute('data-error');
            return;
          }
          fileError.textContent = '';
          var name = result.json.name || result.json.filename || result.json.originalName || file.name;
          var li = el('li', { 'class': 'chip' });
          li.appendChild(el('span', { 'class': 'chip-label' }, name));
          li.appendChild(el('input', { type: 'hidden', name: 'attachmentIds', value: String(result.json.id) }));
          var label = fileInput.getAttribute('data-remove-label') || 'x';
          li.appendChild(el('button', { type: 'button', 'class': 'chip-remove', 'aria-label': label, title: label }, '\u00d7'));
          fileList.appendChild(li);
          markDirty();
        }).catch(function () {
          pending.remove();
          fileError.textContent = fileInput.getAttribute('data-error');
        });
      });
      fileInput.value = '';
    });
  }

  // --- draft autosave ------------------------------------------------------------------------------------------------
  var autosaveUrl = form.getAttribute('data-autosave-url');
  var status = document.getElementById('autosave-status');
  var draftField = document.getElementById('draftId');

  function payload() {
    syncBody();
    var params = new URLSearchParams(new FormData(form));
    params.delete('action');
    return params;
  }

  function save(keepalive) {
    if (!autosaveUrl || !dirty || submitting || saving) {
      return saving;
    }
    dirty = false;
    saving = fetch(autosaveUrl, {
      method: 'POST', body: payload(), keepalive: !!keepalive, credentials: 'same-origin',
      headers: Object.assign({ 'Accept': 'application/json' }, csrfHeaders())
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('autosave ' + response.status);
      }
      return response.json();
    }).then(function (json) {
      if (json.draftId && draftField) {
        draftField.value = json.draftId;
      }
      if (status) {
        status.textContent = (form.getAttribute('data-saved-text') || '') + ' ' + (json.savedAt || '');
      }
    }).catch(function () {
      dirty = true; // try again on the next tick
      if (status) {
        status.textContent = form.getAttribute('data-save-failed-text') || '';
      }
    }).finally(function () {
      saving = null;
    });
    return saving;
  }

  form.addEventListener('input', markDirty);
  form.addEventListener('change', markDirty);
  if (autosaveUrl) {
    window.setInterval(function () { save(false); }, 5000);
    document.addEventListener('visibilitychange', function () {
      if (document.visibilityState === 'hidden') {
        save(true);
      }
    });
    window.addEventListener('pagehide', function () { save(true); });
  }

  form.addEventListener('submit', function (event) {
    syncBody();
    if (saving && !submitting) {
      // wait for a running autosave so that its draft id goes with the mail (no orphan draft)
      event.preventDefault();
      var submitter = event.submitter;
      saving.then(function () {
        submitting = true;
        form.requestSubmit(submitter);
      });
      return;
    }
    submitting = true;
  });
})();
