import { createHmac, randomBytes } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import type { JsonSchema, Operation } from './openapi-operations';

/** A request as it goes on the wire: the fuzz test controls every byte and header. */
export interface HostileRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

/** What the generators may use to get past the front doors: real credentials and ids. */
export interface FuzzContext {
  /** Valid access tokens: an admin of `orgId` first, then other members. */
  tokens: string[];
  orgId: string;
  /** Real values for path parameters and body fields, by name (userId, invitationId, email, ...). */
  known: Record<string, string[]>;
}

const printable = (maxLength: number) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    maxLength,
  });

const NASTY_TEXT = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0008\u001b\u007f',
  '\ud800',
  '\udfff\ud800',
  '\u202e\u2066',
  '\ufeff',
  '%00',
  '%',
  '..',
  '../../etc/passwd',
  "' OR '1'='1",
  '"; DROP TABLE users; --',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '0x10',
  '1e300',
  '-1',
  '99999999999999999999',
  ' ',
  '',
  '\t\r\n',
  '🌱'.repeat(64),
  'x'.repeat(300),
  'x'.repeat(20_000),
];

/** Text that breaks things: control characters, NUL, lone surrogates, injections, sizes. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(...NASTY_TEXT),
  fc.emailAddress(),
  fc.uuid(),
);

/** Numbers as JSON text, including literals JSON.stringify never writes. */
const hostileNumber: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.constantFrom('1e17', '1e300', '1e999', '-0', '9007199254740993', '1'.repeat(400), '0.1e-400', '-1'),
);

const PROTOTYPE_AND_TEMPTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'isAdmin',
  'organizationId',
  'userId',
  'roles',
];
const hostileKey = fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_AND_TEMPTING_KEYS));

const objectText = (entries: [string, string][]) =>
  `{${entries.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

/**
 * Any JSON value as text. Objects are written entry by entry, so `__proto__` is a real
 * key and keys may repeat, which a JavaScript object could not say.
 */
export const hostileJson: fc.Arbitrary<string> = fc.letrec<{ json: string }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small' },
    hostileText.map((text) => JSON.stringify(text)),
    hostileNumber,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('json'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(hostileKey, tie('json')), { maxLength: 4 }).map(objectText),
  ),
})).json;

/** A value the schema would accept, or one of the real values known for the field. */
function plausible(schema: JsonSchema, name: string, context: FuzzContext): fc.Arbitrary<string> {
  const known = context.known[name] ?? [];
  const fromKnown = known.length > 0 ? [fc.constantFrom(...known).map((value) => JSON.stringify(value))] : [];
  if (schema.enum) return fc.constantFrom(...schema.enum).map((value) => JSON.stringify(value));
  if (schema.type === 'array') {
    const item = plausible(schema.items ?? {}, name, context);
    return fc.array(item, { minLength: 0, maxLength: 5 }).map((items) => `[${items.join(',')}]`);
  }
  if (schema.type === 'integer' || schema.type === 'number' || schema.minimum !== undefined) {
    return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1_000_000 }).map(String);
  }
  if (schema.type === 'object' || schema.properties) return bodyOf(schema, context);
  return fc.oneof(
    ...fromKnown,
    fc
      .string({ minLength: schema.minLength ?? 0, maxLength: schema.maxLength ?? 64 })
      .map((s) => JSON.stringify(s)),
    fc.emailAddress().map((email) => JSON.stringify(email)),
  );
}

/** An object shaped like `schema`: each field plausible, hostile or missing, plus stray keys. */
function bodyOf(schema: JsonSchema, context: FuzzContext): fc.Arbitrary<string> {
  const fields = Object.entries(schema.properties ?? {}).map(([name, field]) =>
    fc
      .option(
        fc.oneof(
          { weight: 3, arbitrary: plausible(field, name, context) },
          { weight: 1, arbitrary: hostileJson },
        ),
        {
          freq: 6,
        },
      )
      .map((value) => (value === null ? [] : [[name, value] as [string, string]])),
  );
  const strays = fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as [string, string][]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, hostileJson), { minLength: 1, maxLength: 2 }) },
  );
  return fc.tuple(fc.tuple(...fields), strays).map(([own, extra]) => objectText([...own.flat(), ...extra]));
}

const deeplyNested = fc
  .tuple(fc.integer({ min: 10, max: 6000 }), fc.constantFrom('[', '{"a":'), fc.boolean())
  .map(([depth, open, wrapped]) => {
    const close = open === '[' ? ']' : '}';
    const nested = open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth);
    return wrapped ? `{"email":${nested},"roles":${nested}}` : nested;
  });

const malformedJson = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '{',
    '{"a":',
    '{"a":1,}',
    "{'a':1}",
    'nul',
    '"just a string"',
    '42',
    '\ufeff{}',
    '{"a":"\\u0000"}',
    '{"a":"\\ud800"}',
    '[]',
  ),
);

const csvCell = fc.oneof(
  hostileText,
  fc.constantFrom('mentor', 'mentee', 'Europe/Berlin', 'Mars/Olympus', 'en;de', 'TypeScript:3', 'x:9'),
  fc.emailAddress(),
);
const csvLine = fc
  .tuple(fc.array(csvCell, { maxLength: 10 }), fc.constantFrom(',', ';', '\t'), fc.boolean())
  .map(([cells, delimiter, quoted]) =>
    cells.map((cell) => (quoted ? `"${cell.replace(/"/g, '""')}"` : cell)).join(delimiter),
  );

/** A CSV file: a plausible header, then rows of anything, any line end, maybe a BOM or a stray quote. */
const csvText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('email,name,role', 'email;name;role;skills;time_zone;languages', 'name', '', '"'),
    fc.array(csvLine, { maxLength: 8 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.constantFrom('', '\ufeff'),
  )
  .map(([header, lines, end, bom]) => bom + [header, ...lines].join(end));

/** The body text: mostly shaped like the operation's schema, else anything at all. */
function bodyText(operation: Operation, context: FuzzContext): fc.Arbitrary<string | undefined> {
  const shaped = operation.takesCsv
    ? csvText
    : operation.body
      ? bodyOf(operation.body, context)
      : hostileJson;
  return fc.oneof(
    { weight: 8, arbitrary: shaped },
    { weight: 2, arbitrary: hostileJson },
    { weight: 1, arbitrary: deeplyNested },
    { weight: 1, arbitrary: malformedJson },
    { weight: 2, arbitrary: fc.constant(undefined) },
  );
}

const ENCODINGS = {
  none: (bytes: Buffer) => ({ bytes, header: undefined }),
  gzip: (bytes: Buffer) => ({ bytes: gzipSync(bytes), header: 'gzip' }),
  deflate: (bytes: Buffer) => ({ bytes: deflateSync(bytes), header: 'deflate' }),
  br: (bytes: Buffer) => ({ bytes: brotliCompressSync(bytes), header: 'br' }),
  'gzip that is not': (bytes: Buffer) => ({ bytes, header: 'gzip' }),
  'br that is not': (bytes: Buffer) => ({ bytes, header: 'br' }),
  unknown: (bytes: Buffer) => ({ bytes, header: 'compress' }),
  stacked: (bytes: Buffer) => ({ bytes: gzipSync(bytes), header: 'gzip, br' }),
};
type EncodingName = keyof typeof ENCODINGS;
const encodingName = fc.oneof(
  { weight: 8, arbitrary: fc.constant<EncodingName>('none') },
  { weight: 3, arbitrary: fc.constantFrom(...(Object.keys(ENCODINGS) as EncodingName[])) },
);

const contentType = fc.oneof(
  { weight: 10, arbitrary: fc.constant('application/json') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json; charset=nonsense',
      'application/json; charset="utf-8"',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json, text/plain',
      'application/*',
      ';;;',
    ),
  },
  { weight: 1, arbitrary: printable(60) },
);

/** The operation's own type mostly, else any other, CSV with odd charsets included. */
const contentTypes = (main: string) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constant(main) },
    { weight: 2, arbitrary: contentType },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'text/csv; charset=utf-8',
        'text/csv; charset=latin1',
        'text/csv; charset=x',
      ),
    },
  );

/** Body bytes: UTF-8 mostly, else another charset's bytes or bytes at random. */
const bodyBytes = (text: string) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constant(Buffer.from(text, 'utf8')) },
    { weight: 1, arbitrary: fc.constant(Buffer.from(text, 'utf16le')) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes)) },
  );

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token of the right shape that no one issued: another key, or no signature at all. */
function forgedToken(subject: string): string {
  const claims = { sub: subject, email: 'forged@example.test', exp: Math.floor(Date.now() / 1000) + 3600 };
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  const signature = createHmac('sha256', randomBytes(32)).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

function authorization(context: FuzzContext): fc.Arbitrary<string | undefined> {
  const [admin, ...others] = context.tokens;
  const subject = context.known['userId']?.[0] ?? 'someone';
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(`Bearer ${admin}`) },
    ...(others.length > 0
      ? [{ weight: 2, arbitrary: fc.constantFrom(...others.map((t) => `Bearer ${t}`)) }]
      : []),
    { weight: 2, arbitrary: fc.constant(undefined) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        `Bearer ${forgedToken(subject)}`,
        `Bearer ${base64url({ alg: 'none' })}.${base64url({ sub: subject })}.`,
        'Bearer',
        'Basic YWRtaW46YWRtaW4=',
        `bearer ${admin}x`,
      ),
    },
    { weight: 1, arbitrary: printable(200).map((junk) => `Bearer ${junk}`) },
  );
}

/**
 * Percent-encodes the UTF-8 bytes of `text`, lone surrogates included (as U+FFFD), where
 * encodeURIComponent would throw.
 */
function percentEncoded(text: string): string {
  return Array.from(Buffer.from(text, 'utf8'), (byte) =>
    /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).padStart(2, '0')}`,
  ).join('');
}

/** A path parameter: mostly a real id so the route gets past its checks, else anything. */
function pathValue(name: string, context: FuzzContext): fc.Arbitrary<string> {
  const real = name === 'orgId' ? [context.orgId] : (context.known[name] ?? []);
  return fc.oneof(
    ...(real.length > 0 ? [{ weight: 8, arbitrary: fc.constantFrom(...real) }] : []),
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileText.map(percentEncoded) },
    { weight: 1, arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '.', '%2e%2e', 'a%2Fb', '%C0%80') },
  );
}

function queryString(operation: Operation, context: FuzzContext): fc.Arbitrary<string> {
  const declared = operation.query.map((parameter) =>
    fc
      .option(
        fc.oneof(
          plausible(parameter.schema, parameter.name, context).map((json) => [String(JSON.parse(json))]),
          hostileText.map((text) => [text]),
          hostileNumber.map((number) => [number]),
          fc.array(hostileText, { minLength: 2, maxLength: 3 }),
        ),
        { freq: 2 },
      )
      .map((values) => (values ?? []).map((value) => [parameter.name, value] as [string, string])),
  );
  const strays = fc.array(
    fc.tuple(fc.oneof(hostileKey, fc.constantFrom('page[a]', 'a[b][c]', 'role[]')), hostileText),
    { maxLength: 2 },
  );
  return fc.tuple(fc.tuple(...declared), strays).map(([own, extra]) => {
    const pairs = [...own.flat(), ...extra];
    const query = pairs.map(([key, value]) => `${percentEncoded(key)}=${percentEncoded(value)}`).join('&');
    return query ? `?${query}` : '';
  });
}

const extraHeaders = fc.record(
  {
    'x-request-id': printable(200),
    'x-forwarded-for': fc.oneof(fc.ipV4(), fc.ipV6(), printable(80)),
    accept: fc.constantFrom('application/json', 'text/html', '*/*', 'application/xml', ''),
    'accept-encoding': fc.constantFrom('gzip', 'br', 'identity;q=0', '*'),
    origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost:3000'),
  },
  { requiredKeys: [] },
);

/** Every request the fuzz test may send to `operation`. */
export function hostileRequests(operation: Operation, context: FuzzContext): fc.Arbitrary<HostileRequest> {
  const pathArbitrary = fc
    .tuple(...operation.pathParameters.map((name) => pathValue(name, context)))
    .map((values) =>
      operation.pathParameters.reduce(
        (path, name, index) => path.replace(`{${name}}`, values[index]!),
        operation.path,
      ),
    );
  const body = bodyText(operation, context).chain((text) =>
    text === undefined
      ? fc.constant(undefined)
      : fc
          .tuple(
            bodyBytes(text),
            encodingName,
            contentTypes(operation.takesCsv ? 'text/csv' : 'application/json'),
            fc.boolean(),
          )
          .map(([bytes, encoding, type, chunked]) => ({
            ...ENCODINGS[encoding](bytes),
            type,
            chunked,
          })),
  );
  return fc
    .record({
      path: pathArbitrary,
      query: queryString(operation, context),
      body,
      authorization: authorization(context),
      extra: extraHeaders,
    })
    .map(({ path, query, body, authorization, extra }) => {
      const headers: Record<string, string> = { ...extra };
      if (authorization !== undefined) headers['authorization'] = authorization;
      if (body) {
        headers['content-type'] = body.type;
        if (body.header) headers['content-encoding'] = body.header;
        if (body.chunked) headers['transfer-encoding'] = 'chunked';
        else headers['content-length'] = String(body.bytes.length);
      }
      return { method: operation.method, path: path + query, headers, ...(body ? { body: body.bytes } : {}) };
    });
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8 });

/** Sends exactly what `hostile` says, over node:http (fetch refuses a body on GET). */
export function send(baseUrl: string, hostile: HostileRequest): Promise<Answer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: hostile.method,
        path: hostile.path,
        headers: hostile.headers,
        agent,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(hostile.body);
  });
}

export function closeConnections(): void {
  agent.destroy();
}
