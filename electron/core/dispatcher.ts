import {
  AppError,
  badInput,
  isMethodName,
  methods,
  type AppErrorShape,
  type CallResult,
  type MethodName,
} from '../contract';
import type { CallContext, Handlers } from './handlers';
import { guardInput } from './input-guard';
import type { WriteGate } from './write-gate';

export interface DispatcherOptions {
  /** Validate outputs against the contract too (on in tests and development). */
  validateOutput?: boolean;
  onInternalError?: (method: string, error: unknown) => void;
  /** Writes wait here while a bulk write (the catalog import) holds it; see write-gate.ts. */
  gate?: WriteGate;
}

export type Dispatch = (method: string, input: unknown, ctx: CallContext) => Promise<CallResult>;

/**
 * The one way into the core, used by every door (IPC, WebSocket, HTTP). It validates the input
 * (well-formed text and bounded nesting for every method, then the method's zod schema), runs
 * the handler and turns every failure into a typed error `{ code, message, details }`. It never
 * throws.
 */
export function createDispatcher(handlers: Handlers, options: DispatcherOptions = {}): Dispatch {
  return async (method, input, ctx) => {
    try {
      if (!isMethodName(method)) {
        throw new AppError('UNKNOWN_METHOD', `Unknown method "${String(method)}"`, { method });
      }
      const def = methods[method];
      if ((def.write || ('operatorOnly' in def && def.operatorOnly)) && ctx.role === 'viewer') {
        throw new AppError('FORBIDDEN', 'This token can only read (viewer): use the operator token to change anything.', { method });
      }
      guardInput(input);
      const parsed = def.input.safeParse(input ?? {});
      if (!parsed.success) throw badInput(parsed.error);
      const handler = handlers[method] as (i: unknown, c: CallContext) => unknown;
      const run = async () => handler(parsed.data, ctx);
      // A bulk method takes the gate itself, inside its handler; a free one never meets it.
      const gated = def.write && options.gate && !('gate' in def && def.gate);
      const output = gated ? await options.gate!.write(run) : await run();
      if (options.validateOutput) {
        const checked = def.output.safeParse(output);
        if (!checked.success) {
          throw new AppError('INTERNAL', `Output of ${method} broke the contract: ${checked.error.message}`);
        }
      }
      return { ok: true, output };
    } catch (error) {
      return { ok: false, error: toErrorShape(method, error, options) };
    }
  };
}

function toErrorShape(method: string, error: unknown, options: DispatcherOptions): AppErrorShape {
  if (error instanceof AppError) return error.toShape();
  options.onInternalError?.(method, error);
  return { code: 'INTERNAL', message: 'Something went wrong inside Cuecart; see the log for details.' };
}

export function isWriteMethod(method: string): boolean {
  return isMethodName(method) && methods[method as MethodName].write;
}
