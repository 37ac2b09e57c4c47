import { z } from 'zod';
import { Host, HostFields } from './catalog';
import { Empty, Id, MediaHash, withoutDefaults } from './common';
import { Base64File, MEDIA_UPLOAD_MAX_BYTES } from './limits';
import type { MethodDef } from './methods';

/** An image as base64, at most MEDIA_UPLOAD_MAX_BYTES (limits.ts); REST also takes the raw bytes. */
export const MediaUploadInput = z.object({ contentBase64: Base64File(MEDIA_UPLOAD_MAX_BYTES, 'The image') });
export const MediaUploadResult = z.object({ hash: MediaHash, mime: z.string(), size: z.number().int(), created: z.boolean() });

export const HostUpdateInput = z.object(withoutDefaults(HostFields.shape)).partial().extend({ id: Id });
export type HostUpdateInput = z.infer<typeof HostUpdateInput>;

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/** Spread into the contract's `methods`. */
export const hostMethods = {
  'hosts.list': def({
    input: Empty,
    output: z.array(Host),
    write: false,
    summary: 'All hosts (主播 and 助播).',
    http: { method: 'GET', path: '/hosts' },
  }),
  'hosts.get': def({
    input: z.object({ id: Id }),
    output: Host,
    write: false,
    summary: 'One host by id.',
    http: { method: 'GET', path: '/hosts/{id}' },
  }),
  'hosts.create': def({
    input: HostFields,
    output: Host,
    write: true,
    summary: 'Create a host: name, lower-third title, platform handle, role (`host` 主播 / `assistant` 助播), avatar (a media hash), notes.',
    http: { method: 'POST', path: '/hosts' },
  }),
  'hosts.update': def({
    input: HostUpdateInput,
    output: Host,
    write: true,
    summary: 'Change some fields of a host.',
    http: { method: 'PATCH', path: '/hosts/{id}' },
  }),
  'hosts.delete': def({
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
    write: true,
    summary: 'Delete a host; shows and cues drop them.',
    http: { method: 'DELETE', path: '/hosts/{id}' },
  }),
  'media.upload': def({
    input: MediaUploadInput,
    output: MediaUploadResult,
    write: true,
    summary: 'Store an image (PNG, JPEG, WebP or GIF, at most 2.5 MB and 40 megapixels) in the media library: the image itself as the body with its type (`Content-Type: image/png`...), or `{ "contentBase64": ... }`; answers its hash for `/media/<hash>`.',
    http: { method: 'POST', path: '/media' },
  }),
} as const satisfies Record<string, MethodDef>;
