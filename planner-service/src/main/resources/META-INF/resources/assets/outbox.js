// The patient app's outbox in IndexedDB, shared by the pages (session.js, patient-app.js) and the
// service worker (patient-sw.js): every set, completion and check-in is stored here first and sent
// from here, oldest first, by whichever of them runs when the network is back. Each set carries the
// id the server put in its form, so a resend (by the page or the worker) stores nothing twice.
(function (scope) {
  'use strict';

  var DB_NAME = 'backstrong';
  var OUTBOX = 'outbox';
  var META = 'meta';
  // The only answers that take an entry off the device besides success: the request as it is will
  // never be stored (bad input, no such plan or item, a slot already taken, a paused exercise).
  var REFUSED = [400, 404, 409, 422];
  var PAGE_CACHE_PREFIX = 'backstrong-pages:';

  function openDb() {
    return new Promise(function (resolve, reject) {
      // Version 2 adds the meta store (the signed-in user, their anti-forgery token); version 1's
      // outbox and what waits in it are kept as they are.
      var request = indexedDB.open(DB_NAME, 2);
      request.onupgradeneeded = function () {
        var db = request.result;
        if (!db.objectStoreNames.contains(OUTBOX)) { db.createObjectStore(OUTBOX, { keyPath: 'id' }); }
        if (!db.objectStoreNames.contains(META)) { db.createObjectStore(META, { keyPath: 'key' }); }
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function withStore(name, mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(name, mode);
        var result = work(tx.objectStore(name));
        tx.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  function queued(user) {
    return withStore(OUTBOX, 'readonly', function (store) { return store.getAll(); }).then(function (all) {
      return (all || []).filter(function (entry) { return entry.user === user; })
        .sort(function (a, b) { return a.queuedAt - b.queuedAt; });
    });
  }

  function enqueue(user, entry) {
    entry.user = user;
    entry.queuedAt = Date.now();
    return withStore(OUTBOX, 'readwrite', function (store) { store.put(entry); });
  }

  function remove(id) {
    return withStore(OUTBOX, 'readwrite', function (store) { store.delete(id); });
  }

  function getMeta(key) {
    return withStore(META, 'readonly', function (store) { return store.get(key); }).then(function (row) {
      return row ? row.value : undefined;
    });
  }

  function setMeta(key, value) {
    return withStore(META, 'readwrite', function (store) { store.put({ key: key, value: value }); });
  }

  function deleteMeta(key) {
    return withStore(META, 'readwrite', function (store) { store.delete(key); });
  }

  function send(entry, csrf) {
    return fetch(entry.url, {
      method: 'POST',
      credentials: 'same-origin',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/json',
        'Accept': 'application/json',
        'X-CSRF-Token': csrf,
        // A script's request whose sign-in ended gets 499 instead of a redirect to the login page.
        'X-Requested-With': 'JavaScript'
      },
      body: JSON.stringify(entry.body)
    });
  }

  // One sender at a time across the pages and the worker (Web Locks where the browser has them).
  function exclusively(work) {
    if (scope.navigator && scope.navigator.locks && scope.navigator.locks.request) {
      return scope.navigator.locks.request('backstrong-outbox', work);
    }
    return work();
  }

  // Sends what waits for this user, oldest first; stops at the first entry that cannot be sent now.
  // Answers { sent, signInNeeded, offline, left }; hooks.sent(entry, body) and hooks.refused(entry,
  // problem) tell the caller what happened to each entry.
  function flush(user, csrf, hooks) {
    return exclusively(function () {
      var outcome = { sent: 0, signInNeeded: false, offline: false, left: 0 };
      return queued(user).then(function (entries) {
        var chain = Promise.resolve(true);
        entries.forEach(function (entry) {
          chain = chain.then(function (goOn) {
            if (!goOn) { outcome.left++; return false; }
            return send(entry, csrf).then(function (response) {
              if (response.ok) {
                return response.json().catch(function () { return null; }).then(function (body) {
                  return remove(entry.id).then(function () {
                    outcome.sent++;
                    if (hooks && hooks.sent) { hooks.sent(entry, body); }
                    return true;
                  });
                });
              }
              if (response.status === 499 || response.status === 401 || response.status === 403
                  || response.type === 'opaqueredirect') {
                // Signed out, or the anti-forgery token no longer holds: kept until a new sign-in.
                outcome.signInNeeded = true;
                outcome.left++;
                return false;
              }
              if (REFUSED.indexOf(response.status) >= 0) {
                return response.json().catch(function () { return {}; }).then(function (problem) {
                  return remove(entry.id).then(function () {
                    if (hooks && hooks.refused) { hooks.refused(entry, problem); }
                    return true;
                  });
                });
              }
              outcome.left++;
              return false; // 408, 429, 5xx and the rest: kept, sent again later
            }, function () {
              outcome.offline = true; // no connection: kept for later
              outcome.left++;
              return false;
            });
          });
        });
        return chain.then(function () { return outcome; });
      });
    });
  }

  function pageCacheName(user) {
    return PAGE_CACHE_PREFIX + encodeURIComponent(user);
  }

  scope.BackstrongOutbox = {
    queued: queued,
    enqueue: enqueue,
    remove: remove,
    flush: flush,
    getMeta: getMeta,
    setMeta: setMeta,
    deleteMeta: deleteMeta,
    pageCacheName: pageCacheName,
    PAGE_CACHE_PREFIX: PAGE_CACHE_PREFIX
  };
}(self));
