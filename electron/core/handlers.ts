import type { MethodName, MethodOutput, MethodParsedInput } from '../contract';

/** Who is calling: which door, for logs and door-specific rules. */
export interface CallContext {
  door: 'ipc' | 'ws' | 'http' | 'internal';
  /** What the token allows: operators change things, viewers (prompter, observers) only read. Default operator. */
  role?: 'operator' | 'viewer';
  /** The seat's name on the WebSocket door (for the as-run log). */
  seat?: string;
  /** For internal calls: who acts (`auto`, `system`). */
  source?: string;
  /**
   * File bytes for a door that carries them raw (the control API's import and export routes):
   * `in` replaces the input's contentBase64 (sent as ''); a handler that makes a file puts it in
   * `out` and answers contentBase64 ''. Saves a base64 round trip of up to 50 MB on the app's
   * thread (issue 11: an import must not stall the show).
   */
  files?: { in?: Buffer; out?: Buffer };
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
/** What one domain's router contributes. */
export type RouterPart<K extends MethodName> = { [M in K]: Handler<M> };
