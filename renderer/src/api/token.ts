const KEY = 'cuecart.token';

/**
 * The browser door's access token arrives once in the address (`/?token=...`, printed by
 * `npm run serve`); we keep it in localStorage and remove it from the address bar.
 */
export function captureTokenFromUrl(): void {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token) {
    localStorage.setItem(KEY, token);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
}

export function getToken(): string | null {
  return localStorage.getItem(KEY);
}

export function setToken(token: string): void {
  localStorage.setItem(KEY, token.trim());
}

const SEAT_KEY = 'cuecart.seat';

/** This browser's seat name in the as-run log ("who pressed Go"): chosen in Settings, else a stable random one. */
export function seatName(): string {
  let name = localStorage.getItem(SEAT_KEY);
  if (!name) {
    name = `browser-${Math.random().toString(36).slice(2, 6)}`;
    localStorage.setItem(SEAT_KEY, name);
  }
  return name;
}

export function setSeatName(name: string): void {
  const clean = name.trim().slice(0, 40);
  if (clean) localStorage.setItem(SEAT_KEY, clean);
}
