import { z } from 'zod';
import { fileFieldLimit, JSON_BODY_MAX_BYTES, jsonBytesForFile, methods, type MethodName } from '../contract';

/** The file fields (Base64File) of a method's input, with their decoded size limits. */
export function fileFields(method: MethodName): { field: string; limit: number }[] {
  const input = methods[method].input as z.ZodType;
  if (!(input instanceof z.ZodObject)) return [];
  return Object.entries(input.shape as Record<string, z.ZodType>).flatMap(([field, schema]) => {
    const limit = fileFieldLimit(schema);
    return limit === undefined ? [] : [{ field, limit }];
  });
}

/**
 * Largest JSON body a REST route reads: 1 MiB, or enough for the method's file as base64. Read
 * from the contract, so a method that takes a file gets a body that can carry it.
 */
export function jsonBodyLimit(method: MethodName): number {
  return Math.max(JSON_BODY_MAX_BYTES, ...fileFields(method).map((f) => jsonBytesForFile(f.limit)));
}

/**
 * A method whose input is one file also takes the file itself as the body, with the file's own
 * type (`curl --data-binary @logo.png -H 'Content-Type: image/png'`), up to its decoded limit.
 * Null for a JSON body, or a method that takes no single file.
 */
export function rawFileBody(method: MethodName, contentType: string): { field: string; limit: number } | null {
  if (contentType === '' || /^application\/json\b/i.test(contentType)) return null;
  const files = fileFields(method);
  return files.length === 1 ? files[0]! : null;
}
