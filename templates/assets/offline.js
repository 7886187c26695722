// The home page's "save for offline use": registers this language's service worker (which saves
// the files offline.json lists) only when the visitor asks, and removes it and its copy again.
// Without service workers the section stays hidden and nothing is downloaded.
'use strict';
(() => {
  const section = document.getElementById('offline');
  if (!section || !('serviceWorker' in navigator) || !('caches' in window)) return;
  const save = document.getElementById('offline-save');
  const remove = document.getElementById('offline-remove');
  const status = document.getElementById('offline-status');
  // The language folder, which is the worker's scope; its caches' names start with it.
  const scope = new URL('./', location.href).href;
  const prefix = `lotse-offline ${scope} `;

  // The status texts are in the page, in its language: the script only picks one.
  const say = (name) => {
    const text = section.querySelector(`[data-offline-text="${name}"]`);
    status.textContent = text ? text.textContent : '';
  };
  const saved = (yes) => {
    save.hidden = yes;
    remove.hidden = !yes;
  };
  // Resolves once `worker` is active, rejects if its install fails.
  const activated = (worker) => new Promise((resolve, reject) => {
    if (!worker || worker.state === 'activated') { resolve(); return; }
    worker.addEventListener('statechange', () => {
      if (worker.state === 'activated') resolve();
      if (worker.state === 'redundant') reject(new Error('the offline copy could not be saved'));
    });
  });

  save.addEventListener('click', async () => {
    save.disabled = true;
    say('saving');
    try {
      const registration = await navigator.serviceWorker.register(section.dataset.offlineWorker, { scope: './' });
      await activated(registration.installing || registration.waiting || registration.active);
      saved(true);
      say('saved');
      remove.focus();
    } catch {
      say('failed');
    }
    save.disabled = false;
  });

  remove.addEventListener('click', async () => {
    remove.disabled = true;
    const registration = await navigator.serviceWorker.getRegistration(scope);
    if (registration && registration.scope === scope) await registration.unregister();
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
    remove.disabled = false;
    saved(false);
    say('removed');
    save.focus();
  });

  section.hidden = false;
  navigator.serviceWorker.getRegistration(scope).then((registration) => {
    if (registration && registration.scope === scope && registration.active) {
      saved(true);
      say('saved');
    }
  });
})();
