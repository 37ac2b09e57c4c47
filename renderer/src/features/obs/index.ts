/**
 * OBS in the renderer: the live state hook, the header badge, the Settings section and the
 * reusable scene list. In the plan editor, for example:
 *   <ObsScenesPanel selectedScene={cue.scene} onSelectScene={(scene) => setScene(scene)} maxHeight={480} />
 * It reads OBS state itself (useObs) and shows a "connect OBS" hint while there is none.
 * A show's check against OBS, with fix buttons, embeds the same way:
 *   <PreflightPanel showId={show.id} />
 */
export { useObs, useObsConnection, obsQueryKey, type ObsOverview } from './useObs';
export { ObsStatusBadge } from './ObsStatusBadge';
export { ObsSettingsSection } from './ObsSettingsSection';
export { ObsScenesPanel, type ObsScenesPanelProps, type ObsSourcePick } from './ObsScenesPanel';
export { ObsOutputTally } from './ObsOutputTally';
export { obsPhase, type ObsPhase } from './obs-view';
export { PreflightPanel, type PreflightPanelProps } from './PreflightPanel';
export { OverlayInstaller, type OverlayInstallerProps } from './OverlayInstaller';
export { NativeOverlaysCard } from './NativeOverlaysCard';
export { usePreflight, preflightKeys } from './useObsSetup';
