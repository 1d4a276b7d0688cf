// The patient app on every patient page: installs the service worker (scoped to /app/me/), tells it
// who is signed in and which pages to keep for offline use (today's session and the next 7 days'),
// asks it to send the outbox when the network returns, and forgets this user's pages on sign-out.
(function () {
  'use strict';

  var outbox = self.BackstrongOutbox;
  var user = (document.querySelector('[data-testid="signed-in-as"]') || {}).textContent || '';
  var csrf = (document.querySelector('meta[name="csrf-token"]') || {}).content || '';
  var DAYS_AHEAD = 7;
  var SYNC_TAG = 'backstrong-outbox';

  function isoDay(date) {
    var month = String(date.getMonth() + 1).padStart(2, '0');
    var day = String(date.getDate()).padStart(2, '0');
    return date.getFullYear() + '-' + month + '-' + day;
  }

  // The pages a patient needs offline: today's session, the next 7 days', the check-in, progress, the
  // questionnaires due and reminders (the reminders page as it reads without a new address, which is shown once and never kept).
  function pagesToKeep() {
    var pages = ['/app/me/today', '/app/me/check-in', '/app/me/progress', '/app/me/outcomes'];
    var day = new Date();
    for (var n = 0; n <= DAYS_AHEAD; n++) {
      pages.push('/app/me/sessions/' + isoDay(day));
      day.setDate(day.getDate() + 1);
    }
    pages.push('/app/me/calendar');
    return pages;
  }

  function tellWorker(message) {
    if (!navigator.serviceWorker) { return Promise.resolve(); }
    return navigator.serviceWorker.ready.then(function (registration) {
      if (registration.active) { registration.active.postMessage(message); }
      return registration;
    });
  }

  function keepPages() {
    return tellWorker({ type: 'keep-pages', user: user, urls: pagesToKeep() });
  }

  // A set or a questionnaire stored: the kept copies of today's pages and of the questionnaires would show
  // it still to do, so they are fetched again now.
  function keepToday() {
    var pages = pagesToKeep();
    return tellWorker({ type: 'keep-pages', user: user, urls: [pages[0], pages[3], pages[4]], force: true });
  }

  function requestSync() {
    if (!navigator.serviceWorker) { return; }
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) {
        return registration.sync.register(SYNC_TAG);
      }
      return undefined; // no Background Sync here: what waits is sent at the next open
    }).catch(function () { /* sync refused (permission): the page and the next open send it */ });
  }

  // The worker sends with the token of the latest page it saw for this user: a token holds for one
  // sign-in session, so after a new sign-in the next page replaces it.
  function remember() {
    if (!user) { return Promise.resolve(); }
    return outbox.getMeta('current').then(function (previous) {
      // Someone else signed in on this device without signing out first: their kept pages go.
      if (previous && previous !== user && self.caches) { return caches.delete(outbox.pageCacheName(previous)); }
      return undefined;
    }).then(function () {
      return outbox.setMeta('current', user);
    }).then(function () { return outbox.setMeta('csrf:' + user, csrf); });
  }

  // Nothing of this user's stays readable on the device after sign-out: their pages and their token
  // go; what still waits in the outbox stays, to be sent at their next sign-in.
  function forget() {
    var purges = [outbox.deleteMeta('current'), outbox.deleteMeta('csrf:' + user)];
    if (self.caches) { purges.push(caches.delete(outbox.pageCacheName(user))); }
    purges.push(tellWorker({ type: 'forget', user: user }));
    return Promise.all(purges.map(function (p) { return p.catch(function () {}); }));
  }

  var signOut = document.querySelector('form[action="/app/logout"]');
  if (signOut) {
    signOut.addEventListener('submit', function (event) {
      event.preventDefault();
      var timeout = new Promise(function (resolve) { setTimeout(resolve, 2000); });
      Promise.race([forget(), timeout]).then(function () { signOut.submit(); });
    });
  }

  document.addEventListener('backstrong:queued', requestSync);
  // What still waits when the page is left is sent by the worker once the network is back.
  window.addEventListener('pagehide', function () {
    outbox.queued(user).then(function (waiting) { if (waiting.length) { requestSync(); } });
  });
  document.addEventListener('backstrong:sent', keepToday);

  if (!('serviceWorker' in navigator) || !user) { return; }
  remember().then(function () {
    return navigator.serviceWorker.register('/assets/patient-sw.js', { scope: '/app/me/' });
  }).then(function () {
    if (navigator.onLine) { keepPages(); }
    return outbox.queued(user);
  }).then(function (waiting) {
    if (waiting && waiting.length) { requestSync(); }
  }).catch(function (error) {
    // Without the worker the page still works online and keeps its outbox while it is open.
    if (window.console) { console.warn('Backstrong offline app unavailable:', error); }
  });
}());
