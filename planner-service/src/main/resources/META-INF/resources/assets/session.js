// The patient's session, check-in and questionnaire pages: each set, the session's completion, the
// morning check-in and each outcome measure go through the outbox in IndexedDB first (outbox.js), so what is logged without a
// connection is kept on the device and sent when the connection returns, by this page or by the
// service worker (patient-sw.js). Each entry carries the id made by the server for that set, so
// sending it again stores nothing twice.
(function () {
  'use strict';

  var outbox = self.BackstrongOutbox;
  var csrf = document.querySelector('meta[name="csrf-token"]').content;
  var user = (document.querySelector('[data-testid="signed-in-as"]') || {}).textContent || '';
  var status = document.getElementById('outbox-status');
  var flushing = false;
  var signInNeeded = false;
  // The entries submitted on this page: focus follows their confirmation, not that of older ones.
  var submittedHere = {};

  function queued() {
    return outbox.queued(user);
  }

  function showStatus(entries) {
    if (!status) { return; }
    var sets = entries.filter(function (e) { return e.kind === 'set'; }).length;
    var others = entries.length - sets;
    if (entries.length === 0) {
      status.hidden = true;
      status.textContent = '';
      return;
    }
    var parts = [];
    if (sets) { parts.push(sets + (sets === 1 ? ' set' : ' sets')); }
    if (others) { parts.push(others + (others === 1 ? ' other entry' : ' other entries')); }
    status.textContent = parts.join(' and ') + ' waiting to be sent. ' + (signInNeeded
      ? 'Your sign-in has ended: sign in again (reload the page) to send them.'
      : 'They are kept on this device and sent as soon as you are online.');
    status.hidden = false;
  }

  function refreshStatus() {
    return queued().then(showStatus);
  }

  function formFor(entry) {
    if (entry.kind !== 'set') { return null; }
    return document.querySelector('form.set input[name="setId"][value="' + entry.id + '"]')
      ? document.querySelector('form.set input[name="setId"][value="' + entry.id + '"]').form
      : document.querySelector('section[data-item-id="' + entry.body.itemId + '"] form.set[data-set="' + entry.slot + '"]');
  }

  function markWaiting(entry) {
    var form = formFor(entry);
    if (!form) { return; }
    var hadFocus = form.contains(document.activeElement);
    setDisabled(form, true);
    form.dataset.state = 'waiting';
    var button = form.querySelector('button[type="submit"]');
    if (button) { button.textContent = 'Waiting to be sent'; }
    var note = form.querySelector('[data-testid="set-waiting"]');
    if (!note) {
      note = document.createElement('p');
      note.className = 'muted';
      note.tabIndex = -1;
      note.dataset.testid = 'set-waiting';
      note.textContent = entry.label + ' is kept on this device until it is sent.';
      form.querySelector('.actions').before(note);
    }
    // The disabled button would drop focus to the page start: it stays with this set.
    if (hadFocus && submittedHere[entry.id]) { note.focus(); }
  }

  // Whether focus is on this set's form or was dropped (the page start): then it follows the set.
  function focusFollows(entry, form) {
    var active = document.activeElement;
    return submittedHere[entry.id] && (!active || active === document.body || (form && form.contains(active)));
  }

  function setDisabled(form, disabled) {
    Array.prototype.forEach.call(form.elements, function (el) { el.disabled = disabled; });
  }

  function stopExercise(section, advice) {
    if (!section) { return; }
    section.dataset.stopped = 'true';
    section.classList.add('stopped');
    var message = section.querySelector('[data-testid="stop-message"]');
    if (message) {
      if (advice) { message.querySelector('span').textContent = advice; }
      message.hidden = false;
    }
    var badge = section.querySelector('[data-testid="stopped-badge"]');
    if (badge) { badge.hidden = false; }
    Array.prototype.forEach.call(section.querySelectorAll('form.set'), function (form) {
      if (form.dataset.state !== 'waiting') { form.remove(); }
    });
  }

  function showLogged(entry, set) {
    if (!set) { return; }
    var form = formFor(entry);
    var section = document.querySelector('section[data-item-id="' + entry.body.itemId + '"]');
    if (form) {
      var line = document.createElement('p');
      line.className = 'logged';
      line.dataset.testid = 'logged-set';
      line.dataset.set = entry.slot;
      var amount = set.seconds != null ? set.seconds + ' s' : set.reps + ' reps';
      var load = set.loadKg != null ? ', ' + set.loadKg + ' kg' : (set.band ? ', ' + set.band + ' band' : '');
      line.textContent = '\u2713 ' + entry.label + ': ' + amount + load + ', pain ' + set.pain + '/10';
      line.tabIndex = -1;
      var follow = focusFollows(entry, form);
      form.replaceWith(line);
      // After logging a set, keyboard and screen-reader users land on its confirmation.
      if (follow) { line.focus(); }
    }
    if (set.stop) { stopExercise(section, set.advice); }
  }

  function showProblem(entry, problem) {
    var form = entry.kind === 'set' ? formFor(entry) : document.getElementById(entry.formId);
    if (!form) { return; }
    setDisabled(form, false);
    form.dataset.state = 'error';
    var button = form.querySelector('button[type="submit"]');
    if (button && entry.buttonText) { button.textContent = entry.buttonText; }
    var error = form.querySelector('.field-error');
    if (error) {
      error.textContent = problem.detail || problem.title || 'This could not be stored.';
      error.hidden = false;
    }
    if (problem.field) {
      var input = form.querySelector('[name="' + problem.field + '"]');
      if (input) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
    }
  }

  function done(entry, body) {
    if (entry.kind === 'set') {
      showLogged(entry, body);
    } else if (entry.kind === 'complete') {
      var form = document.getElementById('complete-session');
      if (form) { form.remove(); }
      var note = document.querySelector('[data-testid="session-complete"]');
      if (note) {
        // The server's verdict (at least 80 % of the prescribed sets), as the analysts count it.
        var counts = body && body.setsLogged + ' of ' + body.setsPrescribed + ' sets';
        note.textContent = !body ? 'Session finished. Send your morning check-in tomorrow.'
          : body.done ? 'Session done: ' + counts + '. Well done. Send your morning check-in tomorrow.'
            : 'Session partly done: ' + counts + '. Every set counts; send your morning check-in tomorrow.';
        note.dataset.done = body ? String(body.done) : '';
        note.hidden = false;
      }
    } else if (entry.kind === 'check-in') {
      var checkIn = document.getElementById('check-in');
      if (checkIn) { checkIn.remove(); }
      var thanks = document.querySelector('[data-testid="check-in-done"]');
      if (thanks) { thanks.hidden = false; if (submittedHere[entry.id]) { thanks.focus(); } }
    } else if (entry.kind === 'outcome') {
      var outcome = document.getElementById(entry.formId);
      if (outcome) { outcome.remove(); }
      var stored = document.querySelector('[data-testid="outcome-done"][data-measure="' + entry.body.measure + '"]');
      if (stored) { stored.hidden = false; if (submittedHere[entry.id]) { stored.focus(); } }
    }
  }

  // Sends what waits, oldest first; stops at the first entry that cannot be sent now.
  function flush() {
    if (flushing) { return Promise.resolve(); }
    if (!navigator.onLine) { return refreshStatus(); } // the browser knows it is offline: nothing to try
    flushing = true;
    return queued().then(function (entries) {
      showStatus(entries);
      return outbox.flush(user, csrf, { sent: done, refused: showProblem });
    }).then(function (outcome) {
      signInNeeded = outcome.signInNeeded;
      if (outcome.sent > 0) { document.dispatchEvent(new CustomEvent('backstrong:sent')); }
    }).then(refreshStatus, refreshStatus).then(function () { flushing = false; }, function () { flushing = false; });
  }

  // Stores the entry and asks the service worker to send it when the network returns (Background Sync).
  function enqueue(entry) {
    return outbox.enqueue(user, entry).then(function () {
      document.dispatchEvent(new CustomEvent('backstrong:queued'));
    });
  }

  function refuse(form, field, message) {
    var error = form.querySelector('.field-error');
    error.textContent = message;
    error.hidden = false;
    var input = form.elements[field];
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  }

  function intOrNull(value) { return value === '' || value == null ? null : Number(value); }

  function setEntry(form) {
    var f = form.elements;
    var body = {
      setId: f.setId.value,
      planId: f.planId.value,
      itemId: f.itemId.value,
      date: f.date.value,
      setNumber: Number(f.setNumber.value),
      side: f.side ? f.side.value : null,
      pain: intOrNull(f.pain.value),
      beyondNormalFatigue: f.beyondNormalFatigue.checked,
      note: f.note.value.trim() === '' ? null : f.note.value.trim()
    };
    if (f.reps) { body.reps = intOrNull(f.reps.value); }
    if (f.seconds) { body.seconds = intOrNull(f.seconds.value); }
    if (f.loadKg) { body.loadKg = f.loadKg.value === '' ? null : Number(f.loadKg.value); }
    if (f.band) { body.band = f.band.value; }
    if (f.rir) { body.rir = intOrNull(f.rir.value); }
    return {
      id: body.setId, kind: 'set', url: '/app/api/me/sets', body: body, slot: form.dataset.set,
      label: form.querySelector('legend').textContent, buttonText: form.querySelector('button').textContent
    };
  }

  function onSetSubmit(event) {
    event.preventDefault();
    var form = event.target;
    var error = form.querySelector('.field-error');
    error.hidden = true;
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) { el.removeAttribute('aria-invalid'); });
    if (form.elements.pain.value === '') {
      // Pain has no default: a 0 put there for the patient would invite under-reporting.
      refuse(form, 'pain', 'Choose your pain from 0 (no pain) to 10 before logging this set.');
      return;
    }
    var entry = setEntry(form);
    submittedHere[entry.id] = true;
    enqueue(entry).then(function () {
      markWaiting(entry);
      return flush();
    });
  }

  function onComplete(event) {
    event.preventDefault();
    var form = event.target;
    var entry = {
      id: 'complete:' + form.dataset.planId + ':' + form.dataset.date, kind: 'complete', formId: 'complete-session',
      url: '/app/api/me/sessions/' + form.dataset.date + '/complete', body: { planId: form.dataset.planId },
      buttonText: form.querySelector('button').textContent
    };
    enqueue(entry).then(function () { setDisabled(form, true); return flush(); });
  }

  function onCheckIn(event) {
    event.preventDefault();
    var form = event.target;
    if (form.elements.pain.value === '') {
      refuse(form, 'pain', 'Choose your pain this morning from 0 (no pain) to 10 before sending.');
      return;
    }
    var entry = {
      id: form.elements.id.value, kind: 'check-in', formId: 'check-in', url: '/app/api/me/check-ins',
      body: { id: form.elements.id.value, date: form.elements.date.value, pain: intOrNull(form.elements.pain.value) },
      buttonText: form.querySelector('button').textContent
    };
    submittedHere[entry.id] = true;
    enqueue(entry).then(function () { setDisabled(form, true); return flush(); });
  }

  // An outcome measure's answers by linkId (inputs named answers.<linkId>): a tick is true or false, a
  // number a number, a name its text; an optional activity left empty and an unchosen option are left out.
  function outcomeAnswers(form) {
    var answers = {};
    Array.prototype.forEach.call(form.querySelectorAll('[data-answer]'), function (input) {
      var linkId = input.name.replace(/^answers\./, '');
      var kind = input.dataset.answer;
      if (kind === 'boolean') {
        answers[linkId] = input.checked;
      } else if (kind === 'choice') {
        if (input.checked) { answers[linkId] = Number(input.value); }
      } else if (kind === 'text') {
        if (input.value.trim() !== '') { answers[linkId] = input.value.trim(); }
      } else if (input.value !== '') {
        answers[linkId] = Number(input.value);
      }
    });
    return answers;
  }

  function onOutcome(event) {
    event.preventDefault();
    var form = event.target;
    var error = form.querySelector('.field-error');
    error.hidden = true;
    Array.prototype.forEach.call(form.querySelectorAll('[aria-invalid]'), function (el) { el.removeAttribute('aria-invalid'); });
    var missing = Array.prototype.filter.call(form.querySelectorAll('[required]'), function (input) {
      return input.value.trim() === '';
    })[0];
    if (missing) {
      refuse(form, missing.name, 'Please answer every required question before sending.');
      return;
    }
    var f = form.elements;
    var entry = {
      // The form's own id attribute: form.id is its input named "id" (a named control shadows the property).
      id: f.id.value, kind: 'outcome', formId: form.getAttribute('id'), url: '/app/api/me/outcomes',
      body: {
        id: f.id.value, planId: f.planId.value, measure: f.measure.value, occasion: f.occasion.value,
        dueOn: f.dueOn.value, answers: outcomeAnswers(form)
      },
      buttonText: form.querySelector('button').textContent
    };
    submittedHere[entry.id] = true;
    enqueue(entry).then(function () { setDisabled(form, true); return flush(); });
  }

  Array.prototype.forEach.call(document.querySelectorAll('form.set'), function (form) {
    form.addEventListener('submit', onSetSubmit);
  });
  Array.prototype.forEach.call(document.querySelectorAll('form.outcome'), function (form) {
    form.addEventListener('submit', onOutcome);
  });
  var complete = document.getElementById('complete-session');
  if (complete) { complete.addEventListener('submit', onComplete); }
  var checkIn = document.getElementById('check-in');
  if (checkIn) { checkIn.addEventListener('submit', onCheckIn); }

  // The service worker sent what waited (Background Sync), or asks this open page to send it.
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener('message', function (event) {
      var data = event.data || {};
      if (data.type === 'flush-outbox') {
        flush();
      } else if (data.type === 'outbox-sent' && data.entry.user === user) {
        done(data.entry, data.body);
        refreshStatus();
      } else if (data.type === 'outbox-refused' && data.entry.user === user) {
        showProblem(data.entry, data.problem || {});
        refreshStatus();
      }
    });
  }

  queued().then(function (entries) { entries.forEach(markWaiting); showStatus(entries); }).then(flush);
  window.addEventListener('online', flush);
  setInterval(function () { if (navigator.onLine) { flush(); } }, 5000);
}());
