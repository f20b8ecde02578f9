import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DynamicModule, INestApplication, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiModule, CONTEXTS, WorkerModule } from '@mentorship/bootstrap';
import {
  AppConfig,
  BoundedContext,
  createHttpApp,
  JobWorkerService,
  loadAppConfig,
} from '@mentorship/platform';
import Redis from 'ioredis';
import { HttpClient } from './http';
import { createTestDatabase, keptTestDatabase, TestDatabase } from './test-database';
import { serviceUrls } from './service-urls';

export const ADMIN_DIST = join(__dirname, '../../../../dist/apps/admin/browser');

export interface TestServices {
  db: TestDatabase;
  config: AppConfig;
  /** The bounded contexts composed: the product's, plus any the test brings. */
  contexts: readonly BoundedContext[];
}

/**
 * A test database plus a configuration pointing at it and at a Redis namespace of its own.
 * `extraContexts` join the product's contexts: their migrations, modules and jobs. `keptDatabase`:
 * a database kept by an earlier run (`keptTestDatabase`) instead of a fresh one.
 */
export async function createTestServices(
  overrides: Partial<AppConfig> = {},
  options: { extraContexts?: readonly BoundedContext[]; keptDatabase?: string } = {},
): Promise<TestServices> {
  const contexts = [...CONTEXTS, ...(options.extraContexts ?? [])];
  const db = options.keptDatabase
    ? await keptTestDatabase(options.keptDatabase, { contexts })
    : await createTestDatabase({ contexts });
  const config = loadAppConfig(
    {},
    {
      nodeEnv: 'test',
      databaseUrl: db.appUrl,
      redisUrl: serviceUrls.redis,
      redisPrefix: `mmtest-${randomBytes(4).toString('hex')}`,
      tokenSecret: randomBytes(32).toString('hex'),
      logLevel: 'silent',
      ...overrides,
    },
  );
  return { db, config, contexts };
}

/** Drops the database and the Redis keys of a test's namespace. */
export async function dropTestServices(services: TestServices): Promise<void> {
  await services.db.drop();
  const redis = new Redis(services.config.redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${services.config.redisPrefix}:*`,
        'COUNT',
        500,
      );
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

export interface TestApi extends TestServices {
  baseUrl: string;
  app: INestApplication;
  close(): Promise<void>;
}

/** The real API over real HTTP on a free localhost port, on a database of its own. */
export async function startTestApi(
  options: {
    serveAdmin?: boolean;
    config?: Partial<AppConfig>;
    services?: TestServices;
    /** Test-only modules (e.g. probes) composed next to the real API. */
    extraModules?: (Type<unknown> | DynamicModule)[];
  } = {},
): Promise<TestApi> {
  const services =
    options.services ??
    (await createTestServices({
      ...(options.serveAdmin ? { adminDist: ADMIN_DIST } : {}),
      ...options.config,
    }));
  const root = ApiModule.forRoot(services.config, services.contexts);
  root.imports = [...(root.imports ?? []), ...(options.extraModules ?? [])];
  const app = await createHttpApp(root, services.config);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    baseUrl,
    app,
    ...services,
    async close() {
      await app.close();
      if (!options.services) await dropTestServices(services);
    },
  };
}

/**
 * The real worker's composition, not consuming yet (`JobWorkerService.start()` does that),
 * with test-only modules next to it.
 */
export function createTestWorker(
  services: Pick<TestServices, 'config' | 'contexts'>,
  extraModules: (Type<unknown> | DynamicModule)[] = [],
): Promise<INestApplicationContext> {
  const root = WorkerModule.forRoot(services.config, services.contexts);
  root.imports = [...(root.imports ?? []), ...extraModules];
  return NestFactory.createApplicationContext(root, { logger: false });
}

/** The real worker, consuming the same database and Redis namespace as the API of `services`. */
export async function startTestWorker(
  services: Pick<TestServices, 'config' | 'contexts'>,
): Promise<INestApplicationContext> {
  const worker = await createTestWorker(services);
  await worker.get(JobWorkerService).start();
  return worker;
}

export interface TestApiHandle {
  /** Set before the enclosing describe's tests run. */
  readonly api: TestApi;
  readonly http: HttpClient;
}

/**
 * Starts the real API before the tests of the enclosing `describe` and stops it after them:
 * `const t = useTestApi(); ... t.http.get(...)`. Further `beforeAll`s of the describe run
 * after this one, so they can seed through `t.http`.
 */
export function useTestApi(options: Parameters<typeof startTestApi>[0] = {}): TestApiHandle {
  const handle = {} as { api: TestApi; http: HttpClient };
  beforeAll(async () => {
    handle.api = await startTestApi(options);
    handle.http = new HttpClient(handle.api.baseUrl);
  });
  afterAll(() => handle.api?.close());
  return handle;
}
