import { app, type Session } from 'electron';
import { navigationDecision, permissionDecision, requestAllowed, windowOpenDecision } from './security';

const log = (what: string, url: string): void => console.warn(`[gardien] blocked ${what}: ${url.slice(0, 200)}`);

/**
 * Applies the policy of security.ts to every WebContents and every session ever created (windows,
 * devtools, a print window or partition a future feature adds), so none can be forgotten.
 * `development` (unpackaged) lets DevTools load its own devtools:// pages.
 * Call before app 'ready'; index.ts also hardens the default session once ready.
 */
export function hardenWebContents(devOrigin: string | null, development = devOrigin !== null): void {
  app.on('session-created', (session) => hardenSession(session, devOrigin, development));
  // Electron refuses a bad certificate by default; said explicitly so no later handler can trust one.
  app.on('certificate-error', (event, _contents, url, _error, _certificate, callback) => {
    event.preventDefault();
    callback(false);
    log('certificate', url);
  });
  // By default Electron answers a client-certificate request with the first certificate of the
  // store: a page must never learn or use the PC's certificates.
  app.on('select-client-certificate', (event, _contents, url, _list, callback) => {
    event.preventDefault();
    callback();
    log('client certificate', url);
  });
  app.on('web-contents-created', (_event, contents) => {
    // Every new window is refused here: window.open, target=_blank, and the shift-, ctrl- and
    // middle-click (auxclick) dispositions of a link alike.
    contents.setWindowOpenHandler(({ url }) => {
      log('window.open', url);
      return windowOpenDecision(url);
    });
    const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
      if (navigationDecision(event.url, devOrigin) === 'allow') return;
      event.preventDefault();
      log(kind, event.url);
    };
    contents.on('will-navigate', guard('navigation'));
    contents.on('will-redirect', guard('redirect'));
    // will-navigate only sees the main frame; sub-frames get the same rule.
    contents.on('will-frame-navigate', (event) => {
      if (!event.isMainFrame) guard('frame navigation')(event);
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
      log('webview', contents.getURL());
    });
  });
}

/** Denies every permission and cuts the network for a session. Idempotent (handlers are replaced). */
export function hardenSession(session: Session, devOrigin: string | null, development = devOrigin !== null): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(permissionDecision(permission)));
  session.setPermissionCheckHandler((_contents, permission) => permissionDecision(permission));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const allowed = requestAllowed(details.url, devOrigin, development);
    if (!allowed) log('request', details.url);
    callback({ cancel: !allowed });
  });
}
