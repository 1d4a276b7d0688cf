// The patient app's service worker, scoped to /app/me/ (its script is served with
// Service-Worker-Allowed: /app/me/). It keeps the app shell, and per signed-in user the pages of
// today's session and the next 7 days', so a reload, a browser restart or a cold open without
// network still shows them; and it sends the outbox (outbox.js) when the network returns.
'use strict';

importScripts('/assets/outbox.js');

var SHELL = 'backstrong-shell-v1';
var SHELL_FILES = ['/assets/app.css', '/assets/outbox.js', '/assets/session.js', '/assets/patient-app.js',
  '/assets/patient.webmanifest', '/assets/icon.svg'];
var SYNC_TAG = 'backstrong-outbox';
var KEEP_AT_MOST_EVERY_MS = 60 * 1000;
// The same policy as planner's pages, for the one page the worker writes itself.
var CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
  + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";
var outbox = self.BackstrongOutbox;
var lastKept = {};

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf('backstrong-shell-') === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function isoDay(date) {
  return date.getFullYear() + '-' + String(date.getMonth() + 1).padStart(2, '0') + '-'
    + String(date.getDate()).padStart(2, '0');
}

function currentUser() {
  return outbox.getMeta('current').catch(function () { return undefined; });
}

// A page kept for offline use, with the day it was fetched ("today" means another session tomorrow).
function keep(cache, path, response) {
  return response.blob().then(function (body) {
    var headers = new Headers(response.headers);
    headers.set('X-Backstrong-Kept-On', isoDay(new Date()));
    return cache.put(path, new Response(body, { status: response.status, statusText: response.statusText, headers: headers }));
  });
}

// A page marked no-store (the reminders page showing a new calendar address) is never kept.
function keepable(response) {
  return response && response.ok && response.type === 'basic' && !response.redirected
    && (response.headers.get('Content-Type') || '').indexOf('text/html') === 0
    && (response.headers.get('Cache-Control') || '').indexOf('no-store') < 0;
}

function fetchAndKeep(user, path) {
  return fetch(path, { credentials: 'same-origin', redirect: 'manual' }).then(function (response) {
    if (!keepable(response)) { return undefined; } // signed out (a redirect) or an error: keep the old copy
    return currentUser().then(function (current) {
      // Signed out meanwhile: nothing of theirs is written back after the purge.
      if (current !== user) { return undefined; }
      return caches.open(outbox.pageCacheName(user)).then(function (cache) { return keep(cache, path, response); });
    });
  }).catch(function () { /* offline: the copy kept before stays */ });
}

function keepPages(user, urls, force) {
  var now = Date.now();
  if (!force && lastKept[user] && now - lastKept[user] < KEEP_AT_MOST_EVERY_MS) { return Promise.resolve(); }
  lastKept[user] = now;
  return urls.reduce(function (chain, url) {
    return chain.then(function () { return fetchAndKeep(user, new URL(url, self.location.origin).pathname); });
  }, Promise.resolve());
}

// Offline, "today" is today's dated session page if the kept /app/me/today is from another day;
// a check-in page kept on another morning would check in for that morning, so it is not shown.
function keptPage(user, path) {
  return caches.open(outbox.pageCacheName(user)).then(function (cache) {
    return cache.match(path).then(function (page) {
      var today = isoDay(new Date());
      var fresh = page && page.headers.get('X-Backstrong-Kept-On') === today;
      if (path === '/app/me/today' && !fresh) {
        return cache.match('/app/me/sessions/' + today);
      }
      if (path === '/app/me/check-in' && !fresh) {
        return undefined;
      }
      return page;
    });
  });
}

function offlinePage() {
  var html = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + '<title>Offline — Backstrong</title><link rel="stylesheet" href="/assets/app.css"></head><body>'
    + '<main id="main"><h1>You are offline</h1>'
    + '<p class="notice" data-testid="offline-page">This page was not saved on this device. Today\'s session and the'
    + ' next 7 days\' are kept after you open the app once with a connection.</p>'
    + '<p><a href="/app/me/today">Today\'s session</a></p></main></body></html>';
  return new Response(html, {
    status: 503,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': CSP, 'Cache-Control': 'no-store' }
  });
}

function navigate(request) {
  var path = new URL(request.url).pathname;
  return fetch(request).then(function (response) {
    if (keepable(response)) {
      var copy = response.clone();
      currentUser().then(function (user) {
        if (user) { return caches.open(outbox.pageCacheName(user)).then(function (cache) { return keep(cache, path, copy); }); }
        return undefined;
      });
    }
    return response;
  }, function () {
    return currentUser().then(function (user) {
      return user ? keptPage(user, path) : undefined;
    }).then(function (page) { return page || offlinePage(); });
  });
}

function asset(request) {
  return caches.open(SHELL).then(function (cache) {
    var path = new URL(request.url).pathname;
    // Fresh when online (the shell follows planner's version), the kept copy when not.
    return fetch(request).then(function (response) {
      if (response.ok && SHELL_FILES.indexOf(path) >= 0) { cache.put(path, response.clone()); }
      return response;
    }, function () {
      return cache.match(path).then(function (kept) { return kept || Response.error(); });
    });
  });
}

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; } // the outbox's POSTs go to the network as they are
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.mode === 'navigate' && url.pathname.indexOf('/app/me/') === 0) {
    event.respondWith(navigate(request));
  } else if (url.pathname.indexOf('/assets/') === 0) {
    event.respondWith(asset(request));
  }
});

function tellPages(message) {
  return self.clients.matchAll({ includeUncontrolled: true, type: 'window' }).then(function (pages) {
    pages.forEach(function (page) { page.postMessage(message); });
  });
}

// Sends what waits for the signed-in user with their latest token. An ended sign-in leaves it all
// waiting (the next page after signing in sends it); no network fails, so the browser tries again.
function sendOutbox() {
  return currentUser().then(function (user) {
    if (!user) { return undefined; }
    return outbox.getMeta('csrf:' + user).then(function (csrf) {
      return outbox.flush(user, csrf || '', {
        sent: function (entry, body) { tellPages({ type: 'outbox-sent', entry: entry, body: body }); },
        refused: function (entry, problem) { tellPages({ type: 'outbox-refused', entry: entry, problem: problem }); }
      });
    }).then(function (outcome) {
      if (outcome.sent > 0) { keepPages(user, ['/app/me/today', '/app/me/sessions/' + isoDay(new Date()), '/app/me/outcomes'], true); }
      if (outcome.offline) { throw new Error('offline: ' + outcome.left + ' entries wait'); }
      return outcome;
    });
  });
}

// While a patient page is open it sends the outbox itself (on its own view of the network); the
// worker sends only for a closed app, and the page registers the sync again when it is left.
function pagesOpen() {
  return self.clients.matchAll({ type: 'window' }).then(function (pages) {
    return pages.filter(function (page) { return new URL(page.url).pathname.indexOf('/app/me/') === 0; });
  });
}

self.addEventListener('sync', function (event) {
  if (event.tag !== SYNC_TAG) { return; }
  event.waitUntil(pagesOpen().then(function (pages) {
    if (pages.length) {
      pages.forEach(function (page) { page.postMessage({ type: 'flush-outbox' }); });
      return undefined;
    }
    return sendOutbox();
  }));
});

self.addEventListener('message', function (event) {
  var data = event.data || {};
  if (data.type === 'keep-pages' && data.user) {
    event.waitUntil(keepPages(data.user, data.urls || [], data.force));
  } else if (data.type === 'forget' && data.user) {
    delete lastKept[data.user];
    event.waitUntil(caches.delete(outbox.pageCacheName(data.user)));
  }
});
