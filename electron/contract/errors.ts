import { z } from 'zod';

/**
 * Every failure that crosses a door has one of these codes. The UI translates the code (and
 * its details) into the user's language; `message` is English for API users and logs.
 */
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_METHOD',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One field-level problem, shaped like a zod issue so client and server format it alike. */
export const FieldIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  expected: z.string().optional(),
  format: z.string().optional(),
  /** What kind of value a size issue is about (string, number, array...), from zod. */
  origin: z.string().optional(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const AppErrorShape = z.object({
  code: ErrorCode,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorShape = z.infer<typeof AppErrorShape>;

/** HTTP status used by the control API for each code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNKNOWN_METHOD: 404,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** A typed error thrown by the core and carried unchanged through every door. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const out: FieldIssue = {
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      code: issue.code,
      message: issue.message,
    };
    const extra = issue as unknown as Record<string, unknown>;
    if (typeof extra.minimum === 'number') out.minimum = extra.minimum;
    if (typeof extra.maximum === 'number') out.maximum = extra.maximum;
    if (typeof extra.expected === 'string') out.expected = extra.expected;
    if (typeof extra.format === 'string') out.format = extra.format;
    if (typeof extra.origin === 'string') out.origin = extra.origin;
    return out;
  });
}

export function badInput(error: z.ZodError, what = 'input'): AppError {
  const issues = issuesFromZod(error);
  const first = issues[0];
  const where = first && first.path.length > 0 ? ` at "${first.path.join('.')}"` : '';
  // A file over its size limit (limits.ts Base64File) says so, with the limit: REST answers 413.
  const tooLarge = error.issues.find((i) => (i as { params?: { reason?: unknown } }).params?.reason === 'too_large');
  if (tooLarge) {
    const { limit } = (tooLarge as unknown as { params: { limit: number } }).params;
    return new AppError('BAD_INPUT', tooLarge.message, { reason: 'too_large', limit, issues: issuesFromZod(new z.ZodError([tooLarge])) });
  }
  return new AppError('BAD_INPUT', `Invalid ${what}${where}: ${first?.message ?? 'rejected'}`, {
    issues,
  });
}
