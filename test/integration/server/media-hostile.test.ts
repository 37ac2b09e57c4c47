import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_MAX_PIXELS } from '../../../electron/contract';
import { makePng, pngClaiming, pngThenScript, signatureThenHtml } from '../../helpers/images';
import { startServe, type ServeProcess } from '../../helpers/serve';

// Issue 11, finding 8: media are decoded for real, never served through a link, and only ever
// the bytes that hash to their name. Through the built `serve` (REST raw image bodies).

let s: ServeProcess;
beforeAll(async () => {
  s = await startServe();
});
afterAll(async () => {
  await s?.stop();
  fs.rmSync(s.dataDir, { recursive: true, force: true });
});

async function upload(bytes: Buffer, type = 'image/png') {
  const res = await fetch(new URL('api/v1/media', s.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': type },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as any };
}
const mediaDir = () => path.join(s.dataDir, 'media');
const stored = () => fs.readdirSync(mediaDir()).filter((f) => !f.endsWith('.tmp'));

describe('media: the image must be the image its header says', () => {
  it('refuses a PNG, JPEG, GIF or WebP signature followed by HTML and script, storing nothing', async () => {
    for (const [kind, bytes] of Object.entries(signatureThenHtml)) {
      const res = await upload(bytes, `image/${kind}`);
      expect(res.status, kind).toBe(400);
      expect(res.body.error.details.reason, kind).toMatch(/^(damaged|not_image)$/);
    }
    expect(stored()).toEqual([]);
  });

  it('refuses a valid PNG with a script appended after its end', async () => {
    const res = await upload(pngThenScript());
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/follow its end/);
    expect(stored()).toEqual([]);
  });

  it('refuses a 1 KB PNG claiming 50,000 × 50,000 pixels before decoding it (413, the limit)', async () => {
    const bomb = pngClaiming(50_000, 50_000);
    expect(bomb.length).toBeLessThan(2048);
    const res = await upload(bomb);
    expect(res.status).toBe(413);
    expect(res.body.error.details).toMatchObject({ reason: 'too_large', limit: IMAGE_MAX_PIXELS, width: 50_000, height: 50_000 });
    expect(stored()).toEqual([]);
  });

  it('refuses a PNG whose pixel data is damaged, and takes a sound one with its size', async () => {
    const good = makePng(64, 48, { noise: true });
    const broken = Buffer.from(good);
    broken.fill(0x41, 60, 400); // inside IDAT: the chunk walk passes, the decoder does not
    expect((await upload(broken)).status).toBe(400);
    const ok = await upload(good);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ mime: 'image/png', size: good.length });
  });
});

describe('media: files in media/ are only ever the bytes of their name', () => {
  it('never follows a link placed in media/ (it served the access token)', async () => {
    const png = makePng(20, 20);
    const { body } = await upload(png);
    const file = path.join(mediaDir(), `${body.hash}.png`);
    expect((await fetch(new URL(`media/${body.hash}`, s.url))).status).toBe(200);
    fs.rmSync(file);
    fs.symlinkSync(path.join(s.dataDir, 'access-token'), file);
    const res = await fetch(new URL(`media/${body.hash}`, s.url));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain(s.token);
  });

  it('replaces a link planted under an image name instead of writing through it', async () => {
    const png = makePng(21, 21);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(png).digest('hex');
    const target = path.join(s.dataDir, 'planted-target');
    fs.writeFileSync(target, 'untouched');
    fs.symlinkSync(target, path.join(mediaDir(), `${hash}.png`));
    const res = await upload(png);
    expect(res.body.hash).toBe(hash);
    expect(fs.lstatSync(path.join(mediaDir(), `${hash}.png`)).isFile()).toBe(true);
    expect(fs.readFileSync(target, 'utf8')).toBe('untouched');
    const served = await fetch(new URL(`media/${hash}`, s.url));
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
  });

  it('does not serve a file whose bytes were swapped for others of the same size', async () => {
    const png = makePng(22, 22);
    const { body } = await upload(png);
    const file = path.join(mediaDir(), `${body.hash}.png`);
    const other = Buffer.from(png);
    other[other.length - 20] = other[other.length - 20]! ^ 0xff;
    fs.writeFileSync(file, other);
    expect((await fetch(new URL(`media/${body.hash}`, s.url))).status).toBe(404);
  });
});
