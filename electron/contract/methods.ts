import { z } from 'zod';
import { AppStatus, DemoLoadResult } from './app';
import {
  ExportInput,
  ExportResult,
  ImportApplyInput,
  ImportCancelInput,
  ImportCancelResult,
  ImportPreviewInput,
  ImportPreview,
  ImportResult,
} from './catalog-io';
import { Empty, Id } from './common';
import { hostMethods } from './hosts';
import { liveMethods } from './live';
import { obsMethods } from './obs';
import { obsSetupMethods } from './obs-setup';
import { overlayMethods } from './overlays';
import { planIoMethods } from './plan-io';
import {
  Product,
  ProductCreateInput,
  ProductList,
  ProductListInput,
  ProductUpdateInput,
} from './products';
import { recapMethods } from './recaps';
import { showMethods } from './shows';

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
  /** Only operators may call it even though it changes nothing (it reveals a secret). */
  operatorOnly?: boolean;
  /**
   * How a write meets the core's write gate (see electron/core/write-gate.ts). By default it
   * waits while a bulk write holds the gate; `bulk` takes the gate for itself; `free` never
   * waits, for writes that touch no stored data (a cue fired at OBS, an overlay shown).
   */
  gate?: 'bulk' | 'free';
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
    summary: 'List products; `q` searches title, short title, SKU, brand, tags and platform ids; `shop` filters by shop.',
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
  // Import and export have no derived REST route: the control API takes and returns raw file
  // bytes for them (electron/server/catalog-routes.ts) and calls these same methods.
  'products.import.preview': def({
    input: ImportPreviewInput,
    output: ImportPreview,
    write: false,
    summary: 'Read a CSV/XLSX file (base64): encoding, layout, column mapping, sample and every refused row.',
  }),
  'products.import.apply': def({
    input: ImportApplyInput,
    output: ImportResult,
    write: true,
    gate: 'bulk',
    summary: 'Import a CSV/XLSX file (base64): upsert by SKU in one transaction; `valid` rows or `all-or-nothing`.',
  }),
  'products.import.cancel': def({
    input: ImportCancelInput,
    output: ImportCancelResult,
    write: true,
    gate: 'free',
    summary: 'Cancel a running import; nothing of it is written.',
  }),
  'products.export': def({
    input: ExportInput,
    output: ExportResult,
    write: false,
    summary: 'The catalog as CSV (UTF-8 with BOM) or XLSX, base64; re-importable as is.',
  }),
  'demo.load': def({
    input: Empty,
    output: DemoLoadResult,
    write: true,
    summary: 'Load the bilingual demo workspace (products with images, hosts, shows).',
    http: { method: 'POST', path: '/demo' },
  }),
  ...hostMethods,
  ...showMethods,
  ...planIoMethods,
  ...overlayMethods,
  ...obsMethods,
  ...obsSetupMethods,
  ...liveMethods,
  ...recapMethods,
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
