/**
 * Where an image from the media library loads from. The browser door is served by our own
 * server, so a relative `/media/<hash>` works; the desktop window loads the UI from a custom
 * protocol, so it needs the local server's origin, which the preload exposes.
 */
export function mediaUrl(hash: string): string {
  const origin = typeof window !== 'undefined' ? window.cuecart?.serverOrigin : undefined;
  return origin ? `${origin.replace(/\/$/, '')}/media/${hash}` : `/media/${hash}`;
}
