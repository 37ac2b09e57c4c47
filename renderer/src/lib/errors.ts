import type { TFunction } from 'i18next';
import { AppError, ERROR_CODES, formatBytes, type ErrorCode, type FieldIssue } from '../../../electron/contract';

/**
 * Turns errors from the contract (an `AppError` with zod-shaped `details.issues`) into text in
 * the user's language. The same functions format client-side `safeParse` issues and the
 * server's BAD_INPUT, so a message reads the same whichever side caught it.
 */

/** A zod issue as the client sees it or as the server sends it (both carry `origin`). */
export type Issue = FieldIssue;

/** Anything thrown by `api.call` or elsewhere → an AppError with a known code. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const shape = error as { code?: unknown; message?: unknown; details?: unknown } | null;
  if (shape && typeof shape.code === 'string' && (ERROR_CODES as readonly string[]).includes(shape.code)) {
    return new AppError(shape.code as ErrorCode, String(shape.message ?? ''), shape.details as Record<string, unknown>);
  }
  return new AppError('INTERNAL', error instanceof Error ? error.message : String(error));
}

export function issuesOf(error: AppError): Issue[] {
  const issues = error.details?.issues;
  if (!Array.isArray(issues)) return [];
  return issues.filter((i): i is Issue => !!i && typeof i === 'object' && Array.isArray((i as Issue).path));
}

/** `origin` says what a size issue is about; older servers left it out, so read zod's message then. */
function originOf(issue: Issue): string | undefined {
  if (issue.origin) return issue.origin;
  return /expected (string|number|int|bigint|array|set|date)/.exec(issue.message)?.[1];
}

/** One issue → a short localized message for under a field: "不能为空", "至少 0", "Required". */
export function issueMessage(issue: Issue, t: TFunction): string {
  const origin = originOf(issue);
  const isText = origin === 'string';
  const isList = origin === 'array' || origin === 'set';
  switch (issue.code) {
    case 'too_small': {
      const minimum = issue.minimum ?? 0;
      if (isText) return minimum <= 1 ? t('errors.issue.required') : t('errors.issue.minString', { minimum });
      if (isList) return t('errors.issue.minItems', { minimum });
      return t('errors.issue.minNumber', { minimum });
    }
    case 'too_big': {
      const maximum = issue.maximum ?? 0;
      if (isText) return t('errors.issue.maxString', { maximum });
      if (isList) return t('errors.issue.maxItems', { maximum });
      return t('errors.issue.maxNumber', { maximum });
    }
    case 'invalid_type': {
      if (/received (undefined|null)/.test(issue.message)) return t('errors.issue.required');
      switch (issue.expected) {
        case 'int':
          return t('errors.issue.integer');
        case 'number':
          return t('errors.issue.number');
        case 'string':
          return t('errors.issue.text');
        case 'array':
          return t('errors.issue.list');
        default:
          return t('errors.issue.invalid');
      }
    }
    case 'invalid_format':
      if (issue.format === 'url') return t('errors.issue.url');
      if (issue.path.at(-1) === 'currency') return t('errors.issue.currency');
      return t('errors.issue.format');
    case 'invalid_value':
      return t('errors.issue.option');
    case 'unknown_media':
      return t('errors.issue.unknownMedia');
    default:
      return t('errors.issue.invalid');
  }
}

/** The form field an issue belongs to: the top-level key (`sellingPoints.2` → `sellingPoints`). */
export function issueField(issue: Issue): string {
  return String(issue.path[0] ?? '');
}

/** A refusal of a whole file or body (details.reason: too big, not an image...), or null. */
export function reasonLine(error: AppError, t: TFunction): string | null {
  if (error.code !== 'BAD_INPUT') return null;
  const d = error.details ?? {};
  const limit = typeof d.limit === 'number' ? d.limit : null;
  switch (d.reason) {
    case 'too_large':
      if (typeof d.width === 'number' && typeof d.height === 'number' && limit !== null) {
        return t('errors.reasons.too_large_pixels', { width: d.width, height: d.height, megapixels: limit / 1_000_000 });
      }
      return limit === null ? null : t('errors.reasons.too_large', { limit: formatBytes(limit) });
    case 'not_image':
    case 'damaged':
    case 'too_deep':
      return t(`errors.reasons.${d.reason}`);
    default:
      return null;
  }
}

/** Field → its messages, de-duplicated, for showing under form fields. */
export function fieldErrors(issues: Issue[], t: TFunction): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issueField(issue);
    const message = issueMessage(issue, t);
    const list = (out[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/**
 * Field-level errors carried by a server error, if any: BAD_INPUT issues, or a CONFLICT that
 * names its field (a taken SKU). Null when the error is not about particular fields.
 */
export function serverFieldErrors(error: AppError, t: TFunction): Record<string, string[]> | null {
  if (error.code === 'CONFLICT' && error.details?.field === 'sku') return { sku: [t('errors.skuTaken')] };
  const issues = issuesOf(error);
  return error.code === 'BAD_INPUT' && issues.length > 0 ? fieldErrors(issues, t) : null;
}

/**
 * An error as lines of text for a toast: "SKU: 不能为空", "SKU CC-1 已存在", or the code's
 * general message. `label` names a field in the user's language.
 */
export function errorLines(error: unknown, t: TFunction, label: (field: string) => string = (f) => f): string[] {
  const appError = toAppError(error);
  if (appError.code === 'CONFLICT' && appError.details?.field === 'sku') {
    // A look-alike (ok1 for OK1) names the SKU that is there.
    const sku = appError.details.existingSku ?? appError.details.sku;
    return [typeof sku === 'string' ? t('errors.skuTakenBy', { sku }) : t('errors.skuTaken')];
  }
  const reason = reasonLine(appError, t);
  if (reason) return [reason];
  const issues = issuesOf(appError);
  if (appError.code === 'BAD_INPUT' && issues.length > 0) {
    const lines = issues.map((issue) =>
      t('errors.fieldLine', { field: label(issueField(issue)), message: issueMessage(issue, t) }),
    );
    return [...new Set(lines)];
  }
  return [t(`errors.codes.${appError.code}`)];
}
