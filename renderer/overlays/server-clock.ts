// The server's clock as seen from this page: every state carries the server's `now`, and
// countdowns read serverNow() so a wrong clock on the OBS machine cannot shift them.

let offset = 0;

export function syncServerClock(serverNow: number): void {
  offset = serverNow - Date.now();
}

export function serverNow(): number {
  return Date.now() + offset;
}
