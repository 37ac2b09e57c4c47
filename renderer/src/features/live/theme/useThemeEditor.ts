import { useCallback, useEffect, useRef, useState } from 'react';
import { mergeTheme, type OverlayState, type OverlayTheme, type OverlayThemePatch } from '../../../../../electron/contract';
import { useApi } from '../../../lib/api-context';
import { useNotify } from '../../../lib/notify';
import { mergePatches } from './theme-patch';

/**
 * Edits the theme on air: the active show's own theme when it has one, else the global theme.
 * Changes show in the form at once and go to the server as they come, at most one request in
 * flight; edits made meanwhile are merged into the next one, so dragging a colour or a slider
 * sends a short stream of patches, not one per pixel. The pages update from the server's push.
 */
export function useThemeEditor(state: OverlayState) {
  const api = useApi();
  const notify = useNotify();
  const target = state.themeSource === 'show' ? state.activeShowId : null;
  const [draft, setDraft] = useState<OverlayTheme>(state.theme);
  const pending = useRef<OverlayThemePatch | null>(null);
  const inFlight = useRef(false);
  const latest = useRef({ theme: state.theme, target });
  useEffect(() => {
    latest.current = { theme: state.theme, target };
  });

  // Follow the server (another client, a show switch) whenever none of our edits are on their way.
  useEffect(() => {
    if (!inFlight.current && !pending.current) setDraft(state.theme);
  }, [state.theme]);

  const flush = useCallback(async (): Promise<void> => {
    if (inFlight.current || !pending.current) return;
    const patch = pending.current;
    pending.current = null;
    inFlight.current = true;
    const showId = latest.current.target;
    try {
      const saved = await api.call('overlays.theme.set', showId ? { ...patch, showId } : patch);
      if (!pending.current) setDraft(saved);
    } catch (error) {
      notify.error(error);
      pending.current = null;
      setDraft(latest.current.theme);
    } finally {
      inFlight.current = false;
    }
    if (pending.current) await flush();
  }, [api, notify]);

  const edit = useCallback(
    (patch: OverlayThemePatch) => {
      setDraft((d) => mergeTheme(d, patch));
      pending.current = mergePatches(pending.current, patch);
      void flush();
    },
    [flush],
  );

  /** Give the active show its own theme: a copy of the global one, edited from then on. */
  const saveForShow = useCallback(async () => {
    if (!state.activeShowId) return;
    await api.call('overlays.theme.set', { showId: state.activeShowId }).catch((error: unknown) => notify.error(error));
  }, [api, notify, state.activeShowId]);

  /** The active show goes back to the global theme (its own is forgotten). */
  const useGlobal = useCallback(async () => {
    if (!state.activeShowId) return;
    await api.call('overlays.theme.reset', { showId: state.activeShowId }).catch((error: unknown) => notify.error(error));
  }, [api, notify, state.activeShowId]);

  return { draft, edit, target, saveForShow, useGlobal };
}
