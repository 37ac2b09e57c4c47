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
