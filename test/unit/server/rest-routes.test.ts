import { describe, expect, it } from 'vitest';
import { methods, ProductListInput } from '../../../electron/contract';
import { coerceQuery, matchRoute, restRoutes } from '../../../electron/server/rest-routes';

describe('control API routes derived from the contract', () => {
  const routes = restRoutes();

  it('exposes every method that declares an http route, once', () => {
    const declared = Object.entries(methods).filter(([, d]) => 'http' in d && d.http).map(([n]) => n);
    expect(routes.map((r) => r.method).sort()).toEqual(declared.sort());
    const keys = routes.map((r) => `${r.verb} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches path parameters and decodes them', () => {
    const found = matchRoute(routes, 'PATCH', '/products/prd_%E9%9D%A2');
    expect(found && 'route' in found && found.route.method).toBe('products.update');
    expect(found && 'params' in found && found.params).toEqual({ id: 'prd_面' });
  });

  it('tells which verbs a known path allows, and nothing for unknown paths', () => {
    expect(matchRoute(routes, 'PUT', '/products/abc')).toEqual({ allowed: expect.arrayContaining(['GET', 'PATCH', 'DELETE']) });
    expect(matchRoute(routes, 'GET', '/nope')).toBeNull();
    expect(matchRoute(routes, 'GET', '/products/a/b')).toBeNull();
  });

  it('coerces query text into the types the input schema expects', () => {
    const q = new URLSearchParams('q=面霜&limit=20&includeArchived=true&offset=x');
    expect(coerceQuery(ProductListInput, q)).toEqual({ q: '面霜', limit: 20, includeArchived: true, offset: Number.NaN });
    expect(ProductListInput.safeParse(coerceQuery(ProductListInput, q)).success).toBe(false);
    expect(coerceQuery(ProductListInput, new URLSearchParams('q=123')).q).toBe('123');
  });
});
