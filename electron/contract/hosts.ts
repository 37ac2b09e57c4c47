import { z } from 'zod';
import { Host, HostFields } from './catalog';
import { Empty, Id, MediaHash, withoutDefaults } from './common';
import type { MethodDef } from './methods';

/** Largest image `media.upload` takes. It must fit a WebSocket frame as base64 (4 MB); the UI shrinks avatars first. */
export const MEDIA_UPLOAD_MAX_BYTES = Math.floor(2.5 * 1024 * 1024);
const BASE64_MAX = Math.ceil(MEDIA_UPLOAD_MAX_BYTES / 3) * 4 + 4;

export const MediaUploadInput = z.object({ contentBase64: z.string().min(1).max(BASE64_MAX) });
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
    summary: 'Store an image (PNG, JPEG, WebP or GIF, base64, at most 2.5 MB) in the media library; answers its hash for `/media/<hash>`.',
    http: { method: 'POST', path: '/media' },
  }),
} as const satisfies Record<string, MethodDef>;
