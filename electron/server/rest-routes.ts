import { z } from 'zod';
import { AppError, methods, type HttpVerb, type MethodName } from '../contract';

export interface RestRoute {
  verb: HttpVerb;
  /** Path under /api/v1, e.g. `/products/{id}`. */
  path: string;
  method: MethodName;
  pattern: RegExp;
  params: string[];
  write: boolean;
  summary: string;
}

/** The control API v1 is derived from the contract: every method with `http` becomes a route. */
export function restRoutes(): RestRoute[] {
  const routes: RestRoute[] = [];
  for (const [name, def] of Object.entries(methods) as [MethodName, (typeof methods)[MethodName]][]) {
    if (!('http' in def) || !def.http) continue;
    const params: string[] = [];
    const source = def.http.path
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (!param) return segment.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
        params.push(param[1]!);
        return '([^/]+)';
      })
      .join('/');
    routes.push({
      verb: def.http.method,
      path: def.http.path,
      method: name,
      pattern: new RegExp(`^${source}$`),
      params,
      write: def.write,
      summary: def.summary,
    });
  }
  return routes;
}

export function matchRoute(
  routes: RestRoute[],
  verb: string,
  path: string,
): { route: RestRoute; params: Record<string, string> } | { allowed: HttpVerb[] } | null {
  const allowed: HttpVerb[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    if (route.verb !== verb) {
      allowed.push(route.verb);
      continue;
    }
    const params: Record<string, string> = {};
    route.params.forEach((p, i) => {
      params[p] = decodePathSegment(m[i + 1]!);
    });
    return { route, params };
  }
  return allowed.length > 0 ? { allowed } : null;
}

/** A path parameter; broken percent-encoding (or encoded broken UTF-8) is the caller's error, a 400. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AppError('BAD_INPUT', `The path segment "${segment.slice(0, 80)}" is not valid percent-encoded UTF-8`, { reason: 'path' });
  }
}

/** Query strings are text; turn each value into what the input schema expects for that key. */
export function coerceQuery(schema: z.ZodType, query: URLSearchParams): Record<string, unknown> {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of query) {
    const field = shape[key];
    const kind = field ? baseType(field) : 'string';
    if (kind === 'number') out[key] = value.trim() === '' ? value : Number(value);
    else if (kind === 'boolean') out[key] = value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value;
    else if (kind === 'array') out[key] = query.getAll(key);
    else out[key] = value;
  }
  return out;
}

function baseType(field: z.ZodType): string {
  let t: z.ZodType = field;
  // unwrap optional / nullable / default wrappers
  while (t instanceof z.ZodOptional || t instanceof z.ZodNullable || t instanceof z.ZodDefault) {
    t = t.unwrap() as z.ZodType;
  }
  return t.def.type;
}
