import { AppError, isWellFormed, type FieldIssue } from '../contract';

/** Deeper than any input the contract describes (a plan is about six levels). */
export const MAX_INPUT_DEPTH = 64;

type Path = (string | number)[];

/**
 * Checks every string (and key) of an input before its schema sees it, for every method, also
 * ones added later: text must be well-formed Unicode (a lone surrogate is refused with its path)
 * and nesting has a limit. Schemas still decide the rest; this catches what a `z.unknown()` or a
 * plain `z.string()` field would let through into the database or a log.
 */
export function guardInput(input: unknown): void {
  const stack: [unknown, Path][] = [[input, []]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!isWellFormed(value)) throw brokenText(path);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      throw new AppError('BAD_INPUT', `Input is nested deeper than ${MAX_INPUT_DEPTH} levels`, {
        reason: 'too_deep',
        limit: MAX_INPUT_DEPTH,
        issues: [issue(path, 'too_deep', `Nested deeper than ${MAX_INPUT_DEPTH} levels`)],
      });
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push([value[i], [...path, i]]);
      continue;
    }
    for (const [key, child] of Object.entries(value)) {
      if (!isWellFormed(key)) throw brokenText([...path, key]);
      stack.push([child, [...path, key]]);
    }
  }
}

function issue(path: Path, code: string, message: string): FieldIssue {
  return { path: path.map((p) => (typeof p === 'string' && !isWellFormed(p) ? p.replace(/\p{Cs}/gu, '\ufffd') : p)), code, message };
}

function brokenText(path: Path): AppError {
  const where = path.length > 0 ? ` at "${issue(path, '', '').path.join('.')}"` : '';
  return new AppError('BAD_INPUT', `Invalid input${where}: broken text (a lone UTF-16 surrogate); send well-formed Unicode`, {
    issues: [issue(path, 'invalid_format', 'Broken text: a lone UTF-16 surrogate (half of a character); send well-formed Unicode')],
  });
}
