import type { IncomingMessage } from 'node:http';
import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { PlatformException } from '../errors/platform.exception';
import { CSV_MEDIA_TYPE, csvBodyParser } from './csv-body';

/**
 * How deep arrays and objects may nest in a request body. Our bodies nest two or three
 * levels; class-transformer and class-validator recurse once per level, so a body thousands
 * of levels deep would exhaust the stack long after it was parsed.
 */
export const MAX_JSON_DEPTH = 16;

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Thrown inside body-parser's `verify` step; `type` tells the error mapping what went wrong. */
class BodyRefusal extends Error {
  constructor(
    readonly type: 'json.too.deep' | 'charset.unsupported',
    readonly charset?: string,
  ) {
    super(type);
  }
}

/**
 * The deepest nesting of arrays and objects in raw UTF-8 JSON, stopping as soon as it passes
 * `limit`: one pass over the bytes, before JSON.parse builds anything. Brackets inside
 * strings do not count; in UTF-8 no byte of a multi-byte character looks like `"`, `\`, a
 * bracket or a brace, so scanning bytes is exact.
 */
export function jsonNestingExceeds(body: Uint8Array, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/** Runs on the raw (decompressed) body before it is parsed. */
function verifyJsonBody(_request: IncomingMessage, _response: unknown, body: Buffer, charset: string): void {
  // JSON between systems is UTF-8 (RFC 8259 §8.1); body-parser would also decode UTF-16.
  if (charset !== 'utf-8' && charset !== 'utf8') throw new BodyRefusal('charset.unsupported', charset);
  if (jsonNestingExceeds(body, MAX_JSON_DEPTH)) throw new BodyRefusal('json.too.deep');
}

/**
 * The API takes JSON bodies (and CSV files, on the routes that say `@CsvBody()`; the request
 * input guard refuses them anywhere else): anything else would reach the handlers as an empty body.
 */
function requireJsonBody(request: Request, _response: Response, next: NextFunction): void {
  const contentLength = Number(request.headers['content-length'] ?? 0);
  const announcesBody = request.headers['transfer-encoding'] !== undefined || contentLength > 0;
  const readable = request.is('application/json') || request.is(CSV_MEDIA_TYPE);
  next(announcesBody && !readable ? PlatformException.notJson() : undefined);
}

type BodyParserError = Error & { type?: string; status?: number; charset?: string; encoding?: string };

/** Names body-parser's failures, before Nest would turn them into anonymous 400s or 500s. */
export function fromBodyParserError(error: BodyParserError, request: Pick<Request, 'headers'>): unknown {
  if (!(error instanceof Error) || error instanceof PlatformException) return error;
  switch (error.type) {
    case 'entity.too.large':
      return PlatformException.payloadTooLarge();
    case 'entity.parse.failed':
      return PlatformException.malformedJson();
    case 'json.too.deep':
      return PlatformException.jsonTooDeep(MAX_JSON_DEPTH);
    case 'charset.unsupported':
      return PlatformException.unsupportedCharset(error.charset ?? 'unknown');
    case 'utf8.invalid':
      return PlatformException.invalidUtf8();
    case 'encoding.unsupported':
      return PlatformException.unsupportedContentEncoding(error.encoding ?? 'unknown');
  }
  // A failing decompression stream (zlib) names no type: the body is not what its encoding says.
  const encoding = String(request.headers['content-encoding'] ?? 'identity').toLowerCase();
  if ('errno' in error && encoding !== 'identity') return PlatformException.undecodableBody(encoding);
  if (error.status !== undefined && error.status < 500) return PlatformException.unreadableBody();
  return error;
}

/**
 * The request body pipeline: JSON, at most `limit` bytes after decompression, UTF-8,
 * nested at most MAX_JSON_DEPTH levels (or a CSV file, see csv-body.ts), and every refusal in
 * the stable error body.
 */
export function jsonBody(limit: string): RequestHandler {
  const steps: RequestHandler[] = [
    express.json({ limit, verify: verifyJsonBody }),
    csvBodyParser(),
    requireJsonBody,
  ];
  return (request, response, next) => {
    // No body announced (most GETs): every step would pass, so none runs (body-parser's own
    // test, `type-is`'s hasBody; it leaves `body` undefined, as here).
    if (
      request.headers['transfer-encoding'] === undefined &&
      isNaN(Number(request.headers['content-length']))
    ) {
      if (!Reflect.has(request, 'body')) request.body = undefined;
      return next();
    }
    // The steps in one middleware, not four layers of the router; the first refusal is named.
    let at = 0;
    const step = (error?: unknown): void => {
      if (error) return next(fromBodyParserError(error as BodyParserError, request));
      const handler = steps[at++];
      if (!handler) return next();
      void handler(request, response, step);
    };
    step();
  };
}
