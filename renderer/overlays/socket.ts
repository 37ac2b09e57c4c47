import type { OverlayChannelMessage, OverlayState } from '../../electron/contract/overlays';

/**
 * The page's one WebSocket, read-only: it never sends. The server sends the whole state on
 * connect and after each change. After a reconnect the first state wins whatever its revision
 * (the server may have restarted and counted from zero); after that, stale revisions are dropped.
 * Reconnects are one-shot timers with backoff, never an interval.
 */
export function connectOverlayChannel(onState: (state: OverlayState) => void, onStatus: (connected: boolean) => void): void {
  let delay = 250;
  let revision = -1;

  const open = () => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    // `?channel=preview` (the app's preview during a rehearsal) is passed on; OBS's pages never set it.
    const channel = new URLSearchParams(location.search).get('channel') === 'preview' ? '?channel=preview' : '';
    const ws = new WebSocket(`${scheme}://${location.host}/overlays/ws${channel}`);
    let fresh = true;
    ws.onopen = () => onStatus(true);
    ws.onmessage = (event) => {
      let message: OverlayChannelMessage;
      try {
        message = JSON.parse(String(event.data)) as OverlayChannelMessage;
      } catch {
        return;
      }
      if (message?.type !== 'state' || typeof message.state?.revision !== 'number') return;
      if (!fresh && message.state.revision <= revision) return;
      fresh = false;
      delay = 250;
      revision = message.state.revision;
      onState(message.state);
    };
    ws.onclose = () => {
      onStatus(false);
      setTimeout(open, delay);
      delay = Math.min(delay * 2, 5000);
    };
  };
  open();
}
