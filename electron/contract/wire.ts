import { z } from 'zod';
import { AppErrorShape } from './errors';
import type { AnyEvent } from './events';

/**
 * The WebSocket protocol between a client and the server. Client messages are validated with
 * `ClientMessage`; server messages are a tagged union handled exhaustively on the client.
 */
export const ClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int(),
    method: z.string().max(100),
    input: z.unknown(),
  }),
  z.object({ type: z.literal('ping'), id: z.number().int() }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export type CallResult =
  | { ok: true; output: unknown }
  | { ok: false; error: z.infer<typeof AppErrorShape> };

export type ServerMessage =
  | { type: 'hello'; appVersion: string; revision: number }
  | ({ type: 'result'; id: number } & CallResult)
  | { type: 'pong'; id: number; now?: number }
  | ({ type: 'event' } & AnyEvent);
