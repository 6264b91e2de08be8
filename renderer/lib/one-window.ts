/**
 * One window edits at a time. Each window autosaves its whole working copy, so a second window on
 * the same app (a second browser tab in browser mode; the desktop app has one window) would undo
 * the first one's edits. The Web Locks API holds a lock for the page's life: the second window
 * waits, says why, and takes over once the first one is closed. Where the API is missing (not a
 * secure context), the window opens as before.
 */
const LOCK_NAME = 'ip-allowlist-manager-window';

/** Resolves true at once when this window may edit; otherwise calls `onWaiting` and resolves true once the other window is gone. */
export function claimWindow(onWaiting: () => void): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('locks' in navigator)) return Promise.resolve(true);
  return new Promise((resolve) => {
    void navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
      if (lock) {
        resolve(true);
        return new Promise<void>(() => {}); // held until the page goes away
      }
      onWaiting();
      // Wait in line for the other window to close, then edit here.
      void navigator.locks.request(LOCK_NAME, () => {
        resolve(true);
        return new Promise<void>(() => {});
      });
      return undefined;
    });
  });
}
