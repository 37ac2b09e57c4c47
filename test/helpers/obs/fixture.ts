import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';

/**
 * The known OBS content integration tests run against, written before OBS starts.
 *
 * Scenes (Scenes-dock order, top first): Main, Product, Lower Third, BRB.
 * - Main: Background (color), Title (text), Logo (image), Lower Third (nested scene)
 * - Product: Background, Price Group (group: Price), Title (hidden)
 * - Lower Third: LT Text (text), Background (hidden)
 * - BRB: Background
 * Items are listed bottom layer first here, as OBS stores them.
 */
export const FIXTURE = {
  collection: 'Cuecart Test',
  collectionFile: 'cuecart_test',
  profile: 'CuecartTest',
  scenes: ['Main', 'Product', 'Lower Third', 'BRB'],
  inputs: {
    Background: 'color_source_v3',
    Title: 'text_ft2_source_v2',
    Price: 'text_ft2_source_v2',
    'LT Text': 'text_ft2_source_v2',
    Logo: 'image_source',
  },
  group: 'Price Group',
} as const;

/** Settings OBS would otherwise ask about in dialogs on first run. */
function globalIni(port: number, password: string): string {
  return [
    '[General]',
    // First-run and migration prompts: FirstRun=true means "not the first run" in OBS terms
    // (it is set after the first run completes); Pre*Defaults=false skips old-default migration.
    'FirstRun=true',
    'Pre19Defaults=false',
    'Pre21Defaults=false',
    'Pre23Defaults=false',
    'Pre24.1Defaults=false',
    'EnableAutoUpdates=false',
    '',
    '[Basic]',
    `Profile=${FIXTURE.profile}`,
    `ProfileDir=${FIXTURE.profile}`,
    `SceneCollection=${FIXTURE.collection}`,
    `SceneCollectionFile=${FIXTURE.collectionFile}`,
    '',
    // obs-websocket 5.1 (OBS 29) reads its settings here; 5.3+ uses
    // plugin_config/obs-websocket/config.json instead (written below as well).
    '[OBSWebSocket]',
    'FirstLoad=false',
    'ServerEnabled=true',
    `ServerPort=${port}`,
    'AlertsEnabled=false',
    'AuthRequired=true',
    `ServerPassword=${password}`,
    '',
  ].join('\n');
}

/**
 * Small canvas and 10 fps: software rendering on a 2-core box stays cheap. Recordings (tests
 * start one to see the timecode) go to the temp HOME, in a fast x264 preset.
 */
function basicIni(home: string): string {
  return [
    '[General]',
    `Name=${FIXTURE.profile}`,
    '',
    '[Video]',
    'BaseCX=640',
    'BaseCY=360',
    'OutputCX=640',
    'OutputCY=360',
    'FPSType=1',
    'FPSInt=10',
    '',
    '[SimpleOutput]',
    `FilePath=${home}`,
    'RecFormat=mkv',
    'RecQuality=Stream',
    'Preset=ultrafast',
    'VBitrate=300',
    '',
  ].join('\n');
}

const source = (id: string, name: string, settings: Record<string, unknown>) => ({ id, versioned_id: id, name, settings });
const items = (...list: Array<[string, boolean]>) => list.map(([name, visible], i) => ({ name, id: i + 1, visible }));
const scene = (name: string, list: ReturnType<typeof items>) =>
  source('scene', name, { id_counter: list.length, custom_size: false, items: list });

function collection(imagePath: string): unknown {
  return {
    name: FIXTURE.collection,
    current_scene: 'Main',
    current_program_scene: 'Main',
    current_transition: 'Fade',
    transition_duration: 300,
    scene_order: FIXTURE.scenes.map((name) => ({ name })),
    groups: [
      { ...source('group', FIXTURE.group, { id_counter: 1, custom_size: true, cx: 400, cy: 100, items: items(['Price', true]) }) },
    ],
    sources: [
      source('color_source_v3', 'Background', { color: 4281545523, width: 640, height: 360 }),
      source('text_ft2_source_v2', 'Title', { text: 'Welcome' }),
      source('text_ft2_source_v2', 'Price', { text: '99' }),
      source('text_ft2_source_v2', 'LT Text', { text: 'Host' }),
      source('image_source', 'Logo', { file: imagePath }),
      scene('Lower Third', items(['LT Text', true], ['Background', false])),
      scene('Main', items(['Background', true], ['Title', true], ['Logo', true], ['Lower Third', true])),
      scene('Product', items(['Background', true], [FIXTURE.group, true], ['Title', false])),
      scene('BRB', items(['Background', true])),
    ],
    transitions: [],
    modules: {},
  };
}

/** A 2×2 opaque PNG, written without any image library. */
export function tinyPng(rgb: [number, number, number] = [255, 120, 0]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.from([0, ...rgb, ...rgb]);
  const raw = Buffer.concat([row, row]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Writes the whole OBS config tree under `home`; returns the fixture image paths. */
export function writeObsConfig(home: string, port: number, password: string): { logo: string; altImage: string } {
  const cfg = join(home, '.config', 'obs-studio');
  mkdirSync(join(cfg, 'basic', 'scenes'), { recursive: true });
  mkdirSync(join(cfg, 'basic', 'profiles', FIXTURE.profile), { recursive: true });
  mkdirSync(join(cfg, 'plugin_config', 'obs-websocket'), { recursive: true });
  const logo = join(home, 'logo.png');
  const altImage = join(home, 'alt.png');
  writeFileSync(logo, tinyPng());
  writeFileSync(altImage, tinyPng([0, 160, 255]));
  writeFileSync(join(cfg, 'global.ini'), globalIni(port, password));
  writeFileSync(join(cfg, 'basic', 'profiles', FIXTURE.profile, 'basic.ini'), basicIni(home));
  writeFileSync(join(cfg, 'basic', 'scenes', `${FIXTURE.collectionFile}.json`), JSON.stringify(collection(logo), null, 1));
  // For obs-websocket 5.3+ (OBS 30+), so the helper keeps working after an OBS upgrade.
  writeFileSync(
    join(cfg, 'plugin_config', 'obs-websocket', 'config.json'),
    JSON.stringify({ alerts_enabled: false, auth_required: true, first_load: false, server_enabled: true, server_password: password, server_port: port }),
  );
  return { logo, altImage };
}
