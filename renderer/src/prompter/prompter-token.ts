const KEY = 'cuecart.prompter-token';

/**
 * The prompter's token arrives once in its address (`/prompter?token=...`, the viewer token);
 * it is kept for this tab only and removed from the address bar.
 */
export function prompterToken(): string | null {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (token) {
    sessionStorage.setItem(KEY, token);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(KEY);
}
