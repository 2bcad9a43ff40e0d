/*
 * CommHub chat client (templates/chat/*). No build step: plain JS, the STOMP client from the
 * @stomp/stompjs webjar (global StompJs).
 *
 * Real time: one STOMP connection to /ws, subscribed to /user/queue/chat (frames: message, changed, read,
 * pending, membership). Catch-up contract: every conversation has a change counter (changeSeq), one per change
 * in commit order. The page keeps the last changeSeq it applied; a frame with changeSeq <= last is a duplicate,
 * one with changeSeq > last + 1 means frames were missed: then, and on every (re)connect, it fetches
 * GET /api/v1/conversations/{id}/messages?afterChangeSeq=last and upserts by message id. No gap, no duplicate.
 * Everything is rendered with textContent except the message html, which the server sanitised.
 */
(function () {
  'use strict';

  const API = '/api/v1';
  const EMOJI = ['👍', '❤️', '😄', '🎉', '👀', '✅'];

  // ---------------------------------------------------------------- HTTP

  function csrfHeaders() {
    const attr = document.body.getAttribute('hx-headers');
    if (!attr) {
      return {};
    }
    try {
      return JSON.parse(attr);
    } catch (e) {
      return {};
    }
  }

  async function request(method, url, body) {
    // the API answers in the language of the page (policy tips, errors), not in the browser's
    const headers = Object.assign({ 'Accept': 'application/json',
      'Accept-Language': document.documentElement.lang || 'zh-CN' }, csrfHeaders());
    const init = { method: method, headers: headers, credentials: 'same-origin' };
    if (body instanceof FormData) {
      init.body = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(url, init);
    let data = null;
    const type = response.headers.get('Content-Type') || '';
    if (type.indexOf('json') >= 0) {
      try {
        data = await response.json();
      } catch (e) {
        data = null;
      }
    }
    return { status: response.status, ok: response.ok, data: data, headers: response.headers };
  }

  async function getJson(url) {
    const result = await request('GET', url);
    if (!result.ok) {
      throw new Error('GET ' + url + ' → ' + result.status);
    }
    return result.data;
  }

  let badgeTimer = null;

  /** Reloads the menu badge (layout.html: #nav-chat-badge listens for chat-unread), once per burst of frames. */
  function refreshBadge() {
    clearTimeout(badgeTimer);
    badgeTimer = setTimeout(function () {
      if (window.htmx) {
        window.htmx.trigger(document.body, 'chat-unread');
      }
    }, 250);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  // ---------------------------------------------------------------- STOMP connection (shared by the pages)

  function connect(onFrame, onConnected, onStatus) {
    if (!window.StompJs) {
      return null;
    }
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    const client = new window.StompJs.Client({
      brokerURL: scheme + location.host + '/ws',
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      reconnectDelay: 1000,
      maxReconnectDelay: 30000,
      reconnectTimeMode: window.StompJs.ReconnectionTimeMode ? window.StompJs.ReconnectionTimeMode.EXPONENTIAL : undefined
    });
    client.onConnect = function () {
      client.subscribe('/user/queue/chat', function (message) {
        let frame;
        try {
          frame = JSON.parse(message.body);
        } catch (e) {
          return;
        }
        onFrame(frame);
      });
      onStatus(true);
      onConnected();
    };
    client.onWebSocketClose = function () {
      onStatus(false);
    };
    client.onStompError = function () {
      onStatus(false);
    };
    client.activate();
    // a hook for tests and for debugging from the console: deactivate() and activate() again
    window.chatClient = client;
    return client;
  }

  // ---------------------------------------------------------------- the conversation list page

  function listPage(root) {
    let timer = null;
    function refresh() {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (window.htmx) {
          window.htmx.ajax('GET', root.querySelector('#chat-live').getAttribute('data-list'),
            { target: '#conversation-list', swap: 'outerHTML' });
        }
        refreshBadge();
      }, 150);
    }
    connect(function () {
      refresh();
    }, refresh, function () {
    });
  }

  // ---------------------------------------------------------------- the new-conversation page

  function newPage(form) {
    const radios = form.querySelectorAll('input[name=kind]');
    function show() {
      const checked = form.querySelector('input[name=kind]:checked');
      const kind = checked ? checked.value : 'DIRECT';
      form.querySelectorAll('.chat-kind-fields').forEach(function (fieldset) {
        fieldset.hidden = fieldset.getAttribute('data-kind') !== kind;
      });
    }
    radios.forEach(function (radio) {
      radio.addEventListener('change', show);
    });
    show();
  }

  // ---------------------------------------------------------------- a conversation

  function conversationPage(root) {
    const config = JSON.parse(root.getAttribute('data-config'));
    const texts = config.texts;
    const id = config.conversationId;
    const me = config.me;
    const list = document.getElementById('message-list');
    const threadPanel = document.getElementById('thread-panel');
    const threadList = document.getElementById('thread-list');
    const state = {
      last: config.page.lastChangeSeq,
      messages: new Map(),
      members: new Map(),
      oldestSeq: null,
      hasOlder: config.page.hasMore,
      syncing: false,
      again: false,
      buffered: [],
      maxSeq: 0,
      readSent: 0,
      threadRoot: null
    };
    config.members.forEach(function (m) {
      state.members.set(m.id, m);
    });
    const timeFormat = new Intl.DateTimeFormat(config.locale, {
      timeZone: config.zone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false
    });

    function t(key, a, b) {
      let text = texts[key] || key;
      if (a !== undefined) {
        text = text.replace('{0}', a);
      }
      if (b !== undefined) {
        text = text.replace('{1}', b);
      }
      return text;
    }

    function formatTime(iso) {
      return iso ? timeFormat.format(new Date(iso)) : '';
    }

    // ------------------------------------------------------------ rendering one message

    function receiptCounts(view) {
      // from the members' read positions (watermarks): a member read message S when their readSeq >= S
      if (view.seq === null || view.seq === undefined) {
        return null;
      }
      let read = 0;
      let total = 0;
      state.members.forEach(function (m) {
        if (m.id === view.senderEmployeeId) {
          return;
        }
        total++;
        if (m.readSeq >= view.seq) {
          read++;
        }
      });
      return { read: read, unread: total - read };
    }

    function receiptText(counts) {
      if (counts.unread === 0) {
        return t('readAll');
      }
      return t('read', counts.read) + ' · ' + t('unread', counts.unread);
    }

    function mentionsMe(view) {
      return (view.mentions || []).some(function (m) {
        return m.employeeId === me;
      });
    }

    function render(view, inThread) {
      const item = el('li', 'chat-message');
      item.id = (inThread ? 't-' : 'm-') + view.id;
      item.setAttribute('data-id', view.id);
      if (view.seq !== null && view.seq !== undefined) {
        item.setAttribute('data-seq', view.seq);
      }
      item.setAttribute('data-change-seq', view.changeSeq);
      const mine = view.senderEmployeeId === me;
      if (mine) {
        item.classList.add('mine');
      }
      if (mentionsMe(view)) {
        item.classList.add('mentions-me');
      }

      const meta = el('div', 'chat-meta');
      meta.appendChild(el('span', 'chat-sender', view.senderName));
      const time = el('time', 'chat-time', formatTime(view.sentAt));
      time.setAttribute('datetime', view.sentAt);
      meta.appendChild(time);
      if (view.edited && view.state !== 'RECALLED') {
        meta.appendChild(el('span', 'chat-edited', t('edited')));
      }
      if (view.expiresAt) {
        meta.appendChild(el('span', 'chat-expiry', t('expires', formatTime(view.expiresAt))));
      }
      item.appendChild(meta);

      const pending = view.state === 'HELD_FOR_APPROVAL' || view.state === 'QUARANTINED';
      if (pending || view.state === 'DISCARDED') {
        item.classList.add('pending');
        const note = view.state === 'HELD_FOR_APPROVAL' ? 'pending'
          : view.state === 'QUARANTINED' ? 'quarantined' : 'discarded';
        item.appendChild(el('div', 'chat-state', t(note)));
      }

      const body = el('div', 'chat-body');
      if (view.state === 'RECALLED') {
        body.appendChild(el('span', 'chat-placeholder chat-recalled', t('recalled')));
      } else if (view.visibility === 'OPEN_ONCE') {
        const open = el('button', 'link chat-open-once', t('openOnce'));
        open.type = 'button';
        open.addEventListener('click', function () {
          openOnce(view.id);
        });
        body.appendChild(open);
      } else if (view.visibility === 'CONSUMED') {
        body.appendChild(el('span', 'chat-placeholder chat-consumed', t('consumed')));
      } else {
        // sanitised on the server (MessageRendering, mentions already wrapped in span.mention): safe as HTML
        body.innerHTML = view.html;
      }
      item.appendChild(body);

      if (view.attachments && view.attachments.length > 0) {
        const files = el('ul', 'chat-attachments');
        view.attachments.forEach(function (a) {
          const li = el('li', 'chat-attachment');
          const link = el('a');
          link.href = '/files/' + a.fileId;
          link.title = a.name;
          if (a.image) {
            const img = el('img');
            img.src = '/files/' + a.fileId + (a.thumbnail ? '/thumbnail' : '');
            img.alt = a.name;
            img.loading = 'lazy';
            link.appendChild(img);
          } else {
            link.textContent = '📎 ' + a.name + ' (' + size(a.size) + ')';
            link.setAttribute('download', a.name);
          }
          li.appendChild(link);
          files.appendChild(li);
        });
        item.appendChild(files);
      }

      if (view.state === 'DELIVERED') {
        const reactions = el('div', 'chat-reactions');
        (view.reactions || []).forEach(function (r) {
          const button = el('button', 'chat-reaction' + (r.mine ? ' mine' : ''), r.emoji + ' ' + r.count);
          button.type = 'button';
          button.title = (r.names || []).join('、');
          button.setAttribute('data-emoji', r.emoji);
          button.addEventListener('click', function () {
            react(view.id, r.emoji, !r.mine);
          });
          reactions.appendChild(button);
        });
        item.appendChild(reactions);
      }

      const actions = el('div', 'chat-actions');
      if (view.state === 'DELIVERED') {
        const add = el('button', 'link chat-react', t('react'));
        add.type = 'button';
        add.addEventListener('click', function () {
          showPalette(item, view.id);
        });
        actions.appendChild(add);
        if (!inThread && view.threadRootId === null && config.mayPost !== undefined) {
          const thread = el('button', 'link chat-thread-open',
            view.replyCount > 0 ? t('replies', view.replyCount) : t('reply'));
          thread.type = 'button';
          thread.addEventListener('click', function () {
            openThread(view.id);
          });
          actions.appendChild(thread);
        }
        if (mine) {
          const counts = receiptCounts(view);
          if (counts) {
            const receipt = el('button', 'link chat-receipt', receiptText(counts));
            receipt.type = 'button';
            receipt.addEventListener('click', function () {
              showReceipts(view.id);
            });
            actions.appendChild(receipt);
          }
          if (view.visibility === 'VISIBLE') {
            const edit = el('button', 'link chat-edit', t('edit'));
            edit.type = 'button';
            edit.addEventListener('click', function () {
              startEdit(item, view);
            });
            actions.appendChild(edit);
          }
          const recall = el('button', 'link chat-recall', t('recall'));
          recall.type = 'button';
          recall.addEventListener('click', function () {
            if (window.confirm(t('recallConfirm'))) {
              recallMessage(view.id);
            }
          });
          actions.appendChild(recall);
        }
      }
      item.appendChild(actions);
      return item;
    }

    function size(bytes) {
      if (bytes < 1024) {
        return bytes + ' B';
      }
      if (bytes < 1024 * 1024) {
        return Math.round(bytes / 1024) + ' KB';
      }
      return (bytes / 1024 / 1024).toFixed(1) + ' MB';
    }

    // ------------------------------------------------------------ the message list

    function place(container, item, view) {
      const existing = document.getElementById(item.id);
      if (existing) {
        existing.replaceWith(item);
        return;
      }
      if (view.seq === null || view.seq === undefined) {
        container.appendChild(item);
        return;
      }
      // keep seq order; held messages (no seq yet) stay at the end
      const children = container.children;
      for (let i = children.length - 1; i >= 0; i--) {
        const seq = children[i].getAttribute('data-seq');
        if (seq !== null && Number(seq) < view.seq) {
          children[i].after(item);
          return;
        }
        if (seq !== null && Number(seq) === view.seq) {
          children[i].replaceWith(item);
          return;
        }
      }
      container.prepend(item);
    }

    function upsert(view) {
      if (view.conversationId !== id) {
        return;
      }
      const known = state.messages.get(view.id);
      if (known && known.changeSeq > view.changeSeq) {
        return; // an older picture of a message already shown newer
      }
      state.messages.set(view.id, view);
      if (view.seq) {
        state.maxSeq = Math.max(state.maxSeq, view.seq);
      }
      if (view.threadRootId === null || view.threadRootId === undefined) {
        place(list, render(view, false), view);
        if (state.oldestSeq === null || (view.seq && view.seq < state.oldestSeq)) {
          state.oldestSeq = view.seq || state.oldestSeq;
        }
      } else if (state.threadRoot === view.threadRootId) {
        place(threadList, render(view, true), view);
      }
      if (state.threadRoot === view.id) {
        place(threadList, render(view, true), view);
      }
    }

    function rerenderReceipts() {
      state.messages.forEach(function (view) {
        if (view.senderEmployeeId !== me || view.state !== 'DELIVERED') {
          return;
        }
        const counts = receiptCounts(view);
        ['m-', 't-'].forEach(function (prefix) {
          const item = document.getElementById(prefix + view.id);
          const receipt = item ? item.querySelector('.chat-receipt') : null;
          if (receipt && counts) {
            receipt.textContent = receiptText(counts);
          }
        });
      });
    }

    function afterChange() {
      document.getElementById('chat-empty').hidden = list.children.length > 0;
      markReadSoon();
    }

    // ------------------------------------------------------------ catch-up

    function needsOwnView(frame) {
      // the frame carries the view of a plain member; the viewer's own reactions and own read-once messages differ
      if (!frame.message) {
        return true;
      }
      if (frame.type === 'changed' && frame.change === 'REACTED') {
        return true;
      }
      return frame.message.senderEmployeeId === me && frame.message.visibility !== 'VISIBLE';
    }

    function apply(frame) {
      if (state.syncing) {
        state.buffered.push(frame);
        return;
      }
      if (frame.changeSeq <= state.last) {
        return; // seen already
      }
      if (frame.changeSeq > state.last + 1 || needsOwnView(frame)) {
        catchUp();
        return;
      }
      upsert(frame.message);
      state.last = frame.changeSeq;
      afterChange();
    }

    async function catchUp() {
      if (state.syncing) {
        state.again = true;
        return;
      }
      state.syncing = true;
      try {
        do {
          state.again = false;
          let more = true;
          while (more) {
            const page = await getJson(API + '/conversations/' + id + '/messages?afterChangeSeq=' + state.last
              + '&limit=500');
            page.messages.forEach(upsert);
            more = page.hasMore && page.lastChangeSeq > state.last;
            state.last = Math.max(state.last, page.lastChangeSeq);
          }
        } while (state.again);
      } catch (e) {
        // the next frame or reconnect tries again
      } finally {
        state.syncing = false;
      }
      const buffered = state.buffered;
      state.buffered = [];
      buffered.forEach(apply);
      afterChange();
    }

    async function refreshMembers() {
      try {
        const members = await getJson(API + '/conversations/' + id + '/members');
        state.members.clear();
        members.forEach(function (m) {
          state.members.set(m.employeeId, { id: m.employeeId, name: m.name, no: m.employeeNo, readSeq: m.readSeq });
        });
        rerenderReceipts();
      } catch (e) {
        // keep what we have
      }
    }

    function onFrame(frame) {
      refreshBadge();
      if (frame.conversationId !== id) {
        return;
      }
      switch (frame.type) {
        case 'message':
        case 'changed':
          apply(frame);
          break;
        case 'read': {
          const member = state.members.get(frame.employeeId);
          if (member && frame.readSeq > member.readSeq) {
            member.readSeq = frame.readSeq;
            rerenderReceipts();
          }
          break;
        }
        case 'pending':
          if (frame.state === 'DISCARDED') {
            const view = state.messages.get(frame.messageId);
            if (view) {
              view.state = 'DISCARDED';
              place(list, render(view, false), view);
            }
          } else {
            catchUp();
          }
          break;
        case 'membership':
          if ((frame.removed || []).indexOf(me) >= 0) {
            location.href = '/chat';
          } else {
            refreshMembers();
          }
          break;
        default:
      }
    }

    function setStatus(online) {
      const status = document.getElementById('chat-connection');
      status.textContent = online ? t('online') : t('offline');
      status.classList.toggle('offline', !online);
    }

    // ------------------------------------------------------------ read position (CHAT-4)

    let readTimer = null;

    function markReadSoon() {
      clearTimeout(readTimer);
      readTimer = setTimeout(markRead, 300);
    }

    async function markRead() {
      if (document.visibilityState !== 'visible' || state.maxSeq <= state.readSent) {
        return;
      }
      const seq = state.maxSeq;
      state.readSent = seq;
      const result = await request('POST', API + '/conversations/' + id + '/read', { seq: seq });
      if (!result.ok) {
        state.readSent = 0;
      }
      refreshBadge();
    }

    document.addEventListener('visibilitychange', markReadSoon);

    // ------------------------------------------------------------ message actions

    function showError(text) {
      const box = document.getElementById('composer-error');
      if (box) {
        box.textContent = text;
        box.hidden = !text;
      }
    }

    function problemText(result) {
      const data = result.data || {};
      if (data.errors && data.errors.length > 0 && data.errors[0].message) {
        return data.errors[0].message;
      }
      return data.detail || t('sendFailed');
    }

    async function react(messageId, emoji, add) {
      const result = await request(add ? 'PUT' : 'DELETE',
        API + '/chat/messages/' + messageId + '/reactions/' + encodeURIComponent(emoji));
      if (result.ok && result.data) {
        upsert(result.data);
      } else if (!result.ok) {
        showError(problemText(result));
      }
    }

    function showPalette(item, messageId) {
      const existing = item.querySelector('.chat-palette');
      if (existing) {
        existing.remove();
        return;
      }
      const palette = el('span', 'chat-palette');
      EMOJI.forEach(function (emoji) {
        const button = el('button', 'chat-emoji', emoji);
        button.type = 'button';
        button.addEventListener('click', function () {
          palette.remove();
          const view = state.messages.get(messageId);
          const mine = view && (view.reactions || []).some(function (r) {
            return r.emoji === emoji && r.mine;
          });
          react(messageId, emoji, !mine);
        });
        palette.appendChild(button);
      });
      item.querySelector('.chat-actions').appendChild(palette);
    }

    async function openOnce(messageId) {
      const result = await request('POST', API + '/chat/messages/' + messageId + '/open');
      if (result.ok && result.data) {
        upsert(result.data);
      } else {
        showError(problemText(result));
      }
    }

    async function recallMessage(messageId) {
      const result = await request('POST', API + '/chat/messages/' + messageId + '/recall');
      if (result.ok && result.data) {
        upsert(result.data);
      } else {
        showError(problemText(result));
      }
    }

    function startEdit(item, view) {
      const body = item.querySelector('.chat-body');
      if (item.querySelector('.chat-edit-form')) {
        return;
      }
      const form = el('form', 'chat-edit-form form');
      const area = el('textarea');
      area.value = view.text;
      area.rows = 3;
      area.maxLength = 10000;
      const note = el('p', 'field-error');
      const justification = el('textarea');
      justification.rows = 2;
      justification.hidden = true;
      justification.className = 'chat-edit-justification';
      const save = el('button', 'primary', t('save'));
      save.type = 'submit';
      const cancel = el('button', null, t('cancel'));
      cancel.type = 'button';
      form.append(area, note, justification, save, cancel);
      body.hidden = true;
      body.after(form);
      cancel.addEventListener('click', function () {
        form.remove();
        body.hidden = false;
      });
      form.addEventListener('submit', async function (event) {
        event.preventDefault();
        const result = await request('PATCH', API + '/chat/messages/' + view.id,
          { text: area.value, justification: justification.hidden ? null : justification.value });
        const outcome = outcomeOf(result);
        if (outcome.kind === 'stored') {
          upsert(outcome.message);
        } else if (outcome.kind === 'justify') {
          note.textContent = outcome.tip;
          justification.hidden = false;
          justification.placeholder = texts.justificationRequired;
          justification.focus();
        } else {
          note.textContent = outcome.text;
        }
      });
    }

    async function showReceipts(messageId) {
      const dialog = document.getElementById('receipts-dialog');
      const receipts = await getJson(API + '/chat/messages/' + messageId + '/receipts');
      [['receipts-read', receipts.read], ['receipts-unread', receipts.unread]].forEach(function (pair) {
        const ul = document.getElementById(pair[0]);
        ul.replaceChildren();
        pair[1].forEach(function (m) {
          ul.appendChild(el('li', null, m.name + ' · ' + m.employeeNo + (m.departmentName ? ' · ' + m.departmentName : '')));
        });
      });
      dialog.hidden = false;
    }

    document.getElementById('receipts-close').addEventListener('click', function () {
      document.getElementById('receipts-dialog').hidden = true;
    });

    // ------------------------------------------------------------ threads

    async function openThread(rootId) {
      state.threadRoot = rootId;
      threadList.replaceChildren();
      threadPanel.hidden = false;
      try {
        const views = await getJson(API + '/chat/messages/' + rootId + '/thread');
        views.forEach(function (view) {
          state.messages.set(view.id, view);
          place(threadList, render(view, true), view);
          if (view.seq) {
            state.maxSeq = Math.max(state.maxSeq, view.seq);
          }
        });
        markReadSoon();
      } catch (e) {
        threadPanel.hidden = true;
      }
    }

    document.getElementById('thread-close').addEventListener('click', function () {
      state.threadRoot = null;
      threadPanel.hidden = true;
    });

    // ------------------------------------------------------------ sending (CHAT-2, compliance in the send path)

    /**
     * What became of a post or edit: stored (sent or held: SendResult with a message), justify (a compliance warning:
     * tip and findings, send again with a justification), blocked (text kept), limited (429) or failed.
     */
    function outcomeOf(result) {
      const data = result.data || {};
      // a refusal is a problem detail whose type names the outcome (…/chat.compliance.needsJustification|blocked)
      const type = typeof data.type === 'string' ? data.type : '';
      const status = typeof data.status === 'string' ? data.status
        : type.endsWith('needsJustification') ? 'NEEDS_JUSTIFICATION'
          : type.endsWith('blocked') ? 'BLOCKED' : null;
      if (result.status === 429) {
        const after = result.headers.get('Retry-After') || data.retryAfterSeconds || 60;
        return { kind: 'failed', text: t('retryAfter', after) };
      }
      if (result.ok && data.message && (status === 'SENT' || status === 'HELD_FOR_APPROVAL' || status === 'QUARANTINED')) {
        return { kind: 'stored', message: data.message };
      }
      if (status === 'NEEDS_JUSTIFICATION') {
        return { kind: 'justify', tip: data.tip || t('justificationRequired'), findings: data.findings || [] };
      }
      if (status === 'BLOCKED') {
        return { kind: 'failed', text: (data.tip ? data.tip + ' ' : '') + t('blocked'), blocked: true };
      }
      if (result.ok && data.id) {
        return { kind: 'stored', message: data };
      }
      return { kind: 'failed', text: problemText(result) };
    }

    function newClientId() {
      return window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID()
        : String(Date.now()) + Math.random().toString(16).slice(2);
    }

    function composer(form, textarea, threadRoot) {
      const compliance = threadRoot ? null : document.getElementById('composer-compliance');
      const justification = threadRoot ? null : document.getElementById('composer-justification');
      const fileInput = threadRoot ? null : document.getElementById('composer-files');
      const fileList = threadRoot ? null : document.getElementById('composer-files-list');
      const readOnce = threadRoot ? null : document.getElementById('composer-read-once');
      const expiry = threadRoot ? null : document.getElementById('composer-expiry');
      const mentions = [];
      const files = [];
      let clientMessageId = newClientId();
      let sending = false;

      if (!threadRoot) {
        mentionPicker(textarea, mentions);
      }

      if (fileInput) {
        fileInput.addEventListener('change', async function () {
          const chosen = Array.from(fileInput.files);
          fileInput.value = '';
          for (const file of chosen) {
            const row = el('li', 'chat-upload', file.name + ' — ' + t('uploading'));
            fileList.appendChild(row);
            const data = new FormData();
            data.append('file', file);
            const result = await request('POST', '/files', data);
            if (result.ok && result.data && result.data.id) {
              files.push(result.data.id);
              row.textContent = '📎 ' + result.data.name + ' ';
              const remove = el('button', 'link', '×');
              remove.type = 'button';
              remove.addEventListener('click', function () {
                files.splice(files.indexOf(result.data.id), 1);
                row.remove();
              });
              row.appendChild(remove);
            } else {
              row.textContent = t('uploadFailed', problemText(result));
              row.classList.add('field-error');
            }
          }
        });
      }

      function resetCompliance() {
        if (compliance) {
          compliance.hidden = true;
          justification.value = '';
          document.getElementById('composer-findings').replaceChildren();
        }
      }

      async function send() {
        const text = textarea.value;
        if (sending || (text.trim() === '' && files.length === 0)) {
          return;
        }
        if (compliance && !compliance.hidden && justification.value.trim() === '') {
          showError(t('justificationRequired'));
          justification.focus();
          return;
        }
        sending = true;
        showError('');
        const used = mentions.filter(function (m) {
          return text.indexOf('@' + m.name) >= 0;
        });
        let expiresAt = null;
        if (expiry && expiry.value) {
          expiresAt = new Date(Date.now() + Number(expiry.value) * 1000).toISOString();
        }
        const body = {
          text: text,
          mentionedEmployeeIds: used.filter(function (m) { return m.employeeId; }).map(function (m) { return m.employeeId; }),
          mentionedDepartmentIds: used.filter(function (m) { return m.departmentId; }).map(function (m) { return m.departmentId; }),
          threadRootId: threadRoot ? threadRoot() : null,
          fileIds: files.slice(),
          justification: compliance && !compliance.hidden ? justification.value : null,
          clientMessageId: clientMessageId,
          readOnce: readOnce ? readOnce.checked : false,
          expiresAt: expiresAt
        };
        let result;
        try {
          result = await request('POST', API + '/conversations/' + id + '/messages', body);
        } catch (e) {
          // network failure: the same clientMessageId makes the retry idempotent
          sending = false;
          showError(t('sendFailed'));
          return;
        }
        sending = false;
        const outcome = outcomeOf(result);
        if (outcome.kind === 'stored') {
          textarea.value = '';
          mentions.length = 0;
          files.length = 0;
          if (fileList) {
            fileList.replaceChildren();
          }
          if (readOnce) {
            readOnce.checked = false;
          }
          if (expiry) {
            expiry.value = '';
          }
          resetCompliance();
          clientMessageId = newClientId();
          upsert(outcome.message);
          afterChange();
          textarea.focus();
          return;
        }
        // nothing was stored: keep the text, and take a fresh id for the next attempt
        clientMessageId = newClientId();
        if (outcome.kind === 'justify' && compliance) {
          document.getElementById('composer-tip').textContent = outcome.tip;
          const list = document.getElementById('composer-findings');
          list.replaceChildren();
          outcome.findings.forEach(function (f) {
            list.appendChild(el('li', 'chat-finding', f.maskedSnippet));
          });
          compliance.hidden = false;
          justification.focus();
        } else if (outcome.kind === 'justify') {
          showError(outcome.tip);
        } else {
          showError(outcome.text);
        }
      }

      form.addEventListener('submit', function (event) {
        event.preventDefault();
        send();
      });
      textarea.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && !event.defaultPrevented) {
          event.preventDefault();
          send();
        }
      });
    }

    // ------------------------------------------------------------ @-mentions of members and departments

    function mentionPicker(textarea, mentions) {
      const box = document.getElementById('mention-suggestions');
      let options = [];
      let active = 0;
      let start = -1;

      function candidates(query) {
        const q = query.toLowerCase();
        const people = [];
        state.members.forEach(function (m) {
          if (m.id !== me && (m.name.toLowerCase().indexOf(q) >= 0 || (m.no || '').toLowerCase().indexOf(q) >= 0)) {
            people.push({ employeeId: m.id, name: m.name, label: m.name + ' · ' + m.no });
          }
        });
        const departments = config.departments.filter(function (d) {
          return d.name.toLowerCase().indexOf(q) >= 0;
        }).map(function (d) {
          return { departmentId: d.id, name: d.name, label: d.name };
        });
        return people.concat(departments).slice(0, 8);
      }

      function close() {
        box.hidden = true;
        options = [];
        start = -1;
      }

      function choose(option) {
        const caret = textarea.selectionStart;
        const before = textarea.value.substring(0, start);
        const after = textarea.value.substring(caret);
        const inserted = '@' + option.name + ' ';
        textarea.value = before + inserted + after;
        const position = before.length + inserted.length;
        textarea.setSelectionRange(position, position);
        mentions.push(option);
        close();
        textarea.focus();
      }

      function show() {
        box.replaceChildren();
        options.forEach(function (option, index) {
          const li = el('li', index === active ? 'active' : '', option.label);
          li.setAttribute('role', 'option');
          li.addEventListener('mousedown', function (event) {
            event.preventDefault();
            choose(option);
          });
          box.appendChild(li);
        });
        box.hidden = options.length === 0;
      }

      textarea.addEventListener('input', function () {
        const caret = textarea.selectionStart;
        const before = textarea.value.substring(0, caret);
        const at = before.lastIndexOf('@');
        if (at < 0 || /\s/.test(before.substring(at + 1)) || (at > 0 && /[\w.]/.test(before.charAt(at - 1)))) {
          close();
          return;
        }
        start = at;
        options = candidates(before.substring(at + 1));
        active = 0;
        show();
      });
      textarea.addEventListener('keydown', function (event) {
        if (box.hidden || options.length === 0) {
          return;
        }
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
          event.preventDefault();
          active = (active + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length;
          show();
        } else if (event.key === 'Enter' || event.key === 'Tab') {
          event.preventDefault();
          choose(options[active]);
        } else if (event.key === 'Escape') {
          close();
        }
      });
      textarea.addEventListener('blur', function () {
        setTimeout(close, 150);
      });
    }

    // ------------------------------------------------------------ older messages

    const older = document.getElementById('load-older');
    older.hidden = !state.hasOlder;
    older.addEventListener('click', async function () {
      if (state.oldestSeq === null) {
        return;
      }
      const page = await getJson(API + '/conversations/' + id + '/messages?beforeSeq=' + state.oldestSeq + '&limit=50');
      page.messages.forEach(upsert);
      older.hidden = !page.hasMore;
    });

    // ------------------------------------------------------------ start

    config.page.messages.forEach(upsert);
    afterChange();
    // a search hit links to #m-<id>, a mention notification to ?message=<id>
    const params = new URLSearchParams(location.search);
    const targetId = location.hash ? location.hash.substring(1)
      : params.get('message') ? 'm-' + params.get('message') : null;
    const target = targetId ? document.getElementById(targetId) : null;
    if (target) {
      target.classList.add('highlight');
      target.scrollIntoView();
    } else {
      window.scrollTo(0, document.body.scrollHeight);
    }
    const threadParam = params.get('thread');
    if (threadParam) {
      openThread(Number(threadParam));
    }
    const form = document.getElementById('composer');
    if (form) {
      composer(form, document.getElementById('composer-text'), null);
    }
    const threadForm = document.getElementById('thread-composer');
    if (threadForm) {
      composer(threadForm, document.getElementById('thread-text'), function () {
        return state.threadRoot;
      });
    }
    connect(onFrame, function () {
      // every (re)connect: catch up on what happened meanwhile, and refresh the read positions and the badge
      catchUp();
      refreshMembers();
      refreshBadge();
    }, setStatus);
  }

  function start() {
    const page = document.getElementById('chat-page');
    if (page) {
      conversationPage(page);
      return;
    }
    const listRoot = document.getElementById('chat-list-page');
    if (listRoot) {
      listPage(listRoot);
    }
    const form = document.getElementById('new-conversation-form');
    if (form) {
      newPage(form);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
