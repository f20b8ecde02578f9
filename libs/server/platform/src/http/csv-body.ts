import type { IncomingMessage } from 'node:http';
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import express from 'express';

/** The one body type besides JSON that the API reads, for routes that say `@CsvBody()`. */
export const CSV_MEDIA_TYPE = 'text/csv';

/**
 * CSV files are larger than any JSON body (an HR export of 10,000 people with profile columns is
 * about 1.5 MB), so they have their own bound. Any other route refuses a CSV body before reading
 * it further than the parser did.
 */
export const CSV_BODY_LIMIT = '20mb';

const CSV_BODY = 'mentorship:csv-body';

/** Thrown inside body-parser's `verify` step; `type` tells the error mapping what went wrong. */
export class CsvBodyRefusal extends Error {
  constructor(
    readonly type: 'charset.unsupported' | 'utf8.invalid',
    readonly charset?: string,
  ) {
    super(type);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** CSV arrives as UTF-8 (a BOM is fine); another charset or broken UTF-8 is refused, not guessed. */
function verifyCsvBody(_request: IncomingMessage, _response: unknown, body: Buffer, charset: string): void {
  if (charset !== 'utf-8' && charset !== 'utf8') throw new CsvBodyRefusal('charset.unsupported', charset);
  try {
    strictUtf8.decode(body);
  } catch {
    throw new CsvBodyRefusal('utf8.invalid');
  }
}

/** Reads `text/csv` bodies into a string: decompressed, at most CSV_BODY_LIMIT, strict UTF-8. */
export function csvBodyParser(): express.RequestHandler {
  return express.text({
    type: CSV_MEDIA_TYPE,
    limit: CSV_BODY_LIMIT,
    defaultCharset: 'utf-8',
    verify: verifyCsvBody,
  });
}

/**
 * The route takes the file itself as its body (`Content-Type: text/csv`), read as a string, and
 * no JSON. Documented as such in OpenAPI.
 */
export const CsvBody = (description: string) =>
  applyDecorators(
    SetMetadata(CSV_BODY, true),
    ApiConsumes(CSV_MEDIA_TYPE),
    ApiBody({ description, schema: { type: 'string' } }),
  );

export function takesCsvBody(handler: object): boolean {
  return Reflect.getMetadata(CSV_BODY, handler) === true;
}
