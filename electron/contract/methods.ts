import { z } from 'zod';
import { AppStatus, DemoLoadResult } from './app';
import { Host, ShowSummary } from './catalog';
import { Empty, Id } from './common';
import {
  Product,
  ProductCreateInput,
  ProductList,
  ProductListInput,
  ProductUpdateInput,
} from './products';

export type HttpVerb = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One RPC method. `write` methods change data; every door requires the access token for them
 * (and, in the server, for reads too). `http` exposes the method in the control API v1 —
 * path parameters in `{braces}` are merged into the input.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  write: boolean;
  summary: string;
  http?: { method: HttpVerb; path: string };
}

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

export const methods = {
  'app.status': def({
    input: Empty,
    output: AppStatus,
    write: false,
    summary: 'App version, schema version, data directory and row counts.',
    http: { method: 'GET', path: '/status' },
  }),
  'products.list': def({
    input: ProductListInput,
    output: ProductList,
    write: false,
    summary: 'List products; `q` searches title, short title, SKU, brand and tags.',
    http: { method: 'GET', path: '/products' },
  }),
  'products.get': def({
    input: z.object({ id: Id }),
    output: Product,
    write: false,
    summary: 'One product by id.',
    http: { method: 'GET', path: '/products/{id}' },
  }),
  'products.create': def({
    input: ProductCreateInput,
    output: Product,
    write: true,
    summary: 'Create a product. SKU must be unique (409 otherwise).',
    http: { method: 'POST', path: '/products' },
  }),
  'products.update': def({
    input: ProductUpdateInput,
    output: Product,
    write: true,
    summary: 'Change some fields of a product.',
    http: { method: 'PATCH', path: '/products/{id}' },
  }),
  'products.delete': def({
    input: z.object({ id: Id }),
    output: z.object({ id: Id }),
    write: true,
    summary: 'Delete a product.',
    http: { method: 'DELETE', path: '/products/{id}' },
  }),
  'hosts.list': def({
    input: Empty,
    output: z.array(Host),
    write: false,
    summary: 'All hosts (主播 and 助播).',
    http: { method: 'GET', path: '/hosts' },
  }),
  'shows.list': def({
    input: Empty,
    output: z.array(ShowSummary),
    write: false,
    summary: 'All shows, newest first.',
    http: { method: 'GET', path: '/shows' },
  }),
  'demo.load': def({
    input: Empty,
    output: DemoLoadResult,
    write: true,
    summary: 'Load the bilingual demo workspace (products with images, hosts, shows).',
    http: { method: 'POST', path: '/demo' },
  }),
} as const satisfies Record<string, MethodDef>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const METHOD_NAMES = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
