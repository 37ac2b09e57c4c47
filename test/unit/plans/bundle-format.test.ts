import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/contract';
import { readBundle } from '../../../electron/core/plans/bundle/bundle-read';
import { bundleBytes, sampleBundle } from '../../helpers/plan-bundle';

/** The reason a bundle is refused (details.reason), or 'accepted'. */
function verdict(bytes: Buffer): string {
  try {
    readBundle(bytes);
    return 'accepted';
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return String((error as AppError).details?.reason);
  }
}

describe('plan bundle format (version 1)', () => {
  it('accepts a valid bundle and hands back its images checked against their hashes', () => {
    const { bundle, media } = readBundle(bundleBytes(sampleBundle()));
    expect(bundle.segments[0]!.cues[1]).toMatchObject({ kind: 'pitch', livePrice: 9900, stock: null, perk: '' });
    expect(media.size).toBe(2);
  });

  it('accepts a UTF-8 BOM (Windows editors add one)', () => {
    expect(verdict(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bundleBytes(sampleBundle())]))).toBe('accepted');
  });

  it('refuses a truncated bundle as damaged', () => {
    const bytes = bundleBytes(sampleBundle());
    expect(verdict(bytes.subarray(0, bytes.length - 40))).toBe('damaged');
  });

  it('refuses foreign files: other JSON, another format, not JSON at all', () => {
    expect(verdict(Buffer.from('{"name":"package","version":"1.0.0"}'))).toBe('foreign');
    expect(verdict(bundleBytes({ ...sampleBundle(), format: 'ontime.project' }))).toBe('foreign');
    expect(verdict(Buffer.from('PK\u0003\u0004 not json'))).toBe('damaged');
    expect(verdict(bundleBytes([1, 2, 3]))).toBe('foreign');
  });

  it('refuses a bundle from a newer Cuecart with a message saying so', () => {
    try {
      readBundle(bundleBytes({ ...sampleBundle(), version: 2 }));
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details).toMatchObject({ reason: 'newer_version', version: 2 });
      expect((error as AppError).message).toMatch(/newer Cuecart/);
    }
  });

  it('refuses a bundle that breaks the schema, naming where', () => {
    const b = sampleBundle();
    b.segments[0].cues[1].durationMs = -5;
    try {
      readBundle(bundleBytes(b));
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).details?.reason).toBe('invalid');
      expect((error as AppError).message).toContain('segments.0.cues.1.durationMs');
    }
  });

  it('refuses a bundle that points at a product, host or image it does not carry', () => {
    const noProduct = sampleBundle();
    noProduct.products = [];
    expect(verdict(bundleBytes(noProduct))).toBe('invalid');
    const noHost = sampleBundle();
    noHost.hosts = [];
    expect(verdict(bundleBytes(noHost))).toBe('invalid');
    const noImage = sampleBundle();
    noImage.media = noImage.media.slice(1);
    expect(verdict(bundleBytes(noImage))).toBe('invalid');
  });

  it('refuses an image whose bytes no longer match its hash, or that is not an image', () => {
    const flipped = sampleBundle();
    const data = Buffer.from(flipped.media[0].data, 'base64');
    data[20] = data[20]! ^ 0xff;
    flipped.media[0].data = data.toString('base64');
    expect(verdict(bundleBytes(flipped))).toBe('damaged');
    const notBase64 = sampleBundle();
    notBase64.media[0].data = '%%%';
    expect(verdict(bundleBytes(notBase64))).toBe('damaged');
  });
});
