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
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
/** What one domain's router contributes. */
export type RouterPart<K extends MethodName> = { [M in K]: Handler<M> };
