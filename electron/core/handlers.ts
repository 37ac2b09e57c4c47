import type { MethodName, MethodOutput, MethodParsedInput } from '../contract';

/** Who is calling: which door, for logs and door-specific rules. */
export interface CallContext {
  door: 'ipc' | 'ws' | 'http' | 'internal';
}

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CallContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

export type Handlers = { [M in MethodName]: Handler<M> };
/** What one domain's router contributes. */
export type RouterPart<K extends MethodName> = { [M in K]: Handler<M> };
