import { BUNDLE_MIME } from '../../contract';
import { fromBase64, toBase64 } from '../base64';
import type { RouterPart } from '../handlers';
import type { HostsDao } from '../hosts/hosts.dao';
import type { MediaStore } from '../media/media.store';
import type { ShowsService } from '../shows/shows.service';
import type { Clock } from '../clock';
import { exportBundle } from './bundle/bundle-export';
import { importBundle, previewBundle, type BundleImportDeps } from './bundle/bundle-import';
import { fileStem, type RunsheetService } from './runsheet/runsheet.service';

export interface PlansRouterDeps {
  runsheets: RunsheetService;
  shows: ShowsService;
  hosts: HostsDao;
  media: MediaStore;
  clock: Clock;
  appVersion: string;
  bundles: BundleImportDeps;
}

/** Files out of a plan (run sheet, cue cards, bundle) and bundles in. */
export function plansRouter(deps: PlansRouterDeps): RouterPart<'shows.runsheet' | 'shows.bundle.export' | 'bundles.preview' | 'bundles.import'> {
  return {
    'shows.runsheet': async ({ id, format, lang }) => {
      const { bytes: _bytes, ...file } = await deps.runsheets.export(id, format, lang);
      return file;
    },
    'shows.bundle.export': async ({ id }) => {
      const { bundle, bytes } = await exportBundle(id, { ...deps, now: deps.clock.now() });
      const day = new Date(bundle.show.startAt).toISOString().slice(0, 10);
      return { fileName: `${fileStem(bundle.show.title)} ${day}.cuecart-plan.json`, mime: BUNDLE_MIME, contentBase64: await toBase64(bytes) };
    },
    'bundles.preview': async ({ contentBase64 }) => previewBundle(await fromBase64(contentBase64), deps.bundles),
    'bundles.import': async ({ contentBase64, onConflict }) => importBundle(await fromBase64(contentBase64), onConflict, deps.bundles),
  };
}
