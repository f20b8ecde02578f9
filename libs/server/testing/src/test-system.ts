import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig, BoundedContext } from '@mentorship/platform';
import { HttpClient } from './http';
import { SmtpSink, startSmtpSink } from './smtp-sink';
import {
  createTestServices,
  dropTestServices,
  startTestApi,
  startTestWorker,
  TestApi,
  TestServices,
} from './start-test-api';

export interface TestSystem {
  /** Set before the enclosing describe's tests run. */
  readonly sink: SmtpSink;
  readonly services: TestServices;
  readonly api: TestApi;
  readonly worker: INestApplicationContext;
  readonly http: HttpClient;
}

/** `TestSystem` without its in-process worker: for specs that run their own workers. */
export type TestApiSystem = Omit<TestSystem, 'worker'>;

interface SystemOptions {
  config?: Partial<AppConfig> | (() => Partial<AppConfig>);
  extraContexts?: readonly BoundedContext[];
  /** The SMTP sink's options (e.g. `onMessage` to pause it at a chosen moment). */
  sink?: Parameters<typeof startSmtpSink>[0];
}

/**
 * The whole system for the enclosing `describe`: an SMTP sink, the real API and the real
 * worker on one database and Redis namespace, stopped after the tests. `config` may be a
 * function, read when the system starts (e.g. to point at a Redis an earlier `beforeAll`
 * started); `extraContexts` join the product's contexts.
 *
 * `worker: false` leaves the worker out: the spec starts its own (worker processes, or a
 * worker whose Postgres goes through a proxy) in a `beforeAll` declared after this call, and
 * stops them in an `afterAll` declared before it, so they stop before the API and the services.
 */
export function useTestSystem(options: SystemOptions & { worker: false }): TestApiSystem;
export function useTestSystem(options?: SystemOptions & { worker?: true }): TestSystem;
export function useTestSystem(
  options: SystemOptions & { worker?: boolean } = {},
): TestApiSystem | TestSystem {
  return useSystem(options, options.worker !== false);
}

function useSystem(options: SystemOptions, withWorker: boolean): TestApiSystem | TestSystem {
  const system = {} as { -readonly [K in keyof TestSystem]: TestSystem[K] };
  beforeAll(async () => {
    system.sink = await startSmtpSink(options.sink);
    const config = typeof options.config === 'function' ? options.config() : options.config;
    system.services = await createTestServices(
      { smtpUrl: system.sink.url, ...config },
      { extraContexts: options.extraContexts },
    );
    system.api = await startTestApi({ services: system.services });
    if (withWorker) system.worker = await startTestWorker(system.services);
    system.http = new HttpClient(system.api.baseUrl);
  });
  afterAll(async () => {
    await system.worker?.close();
    await system.api?.close();
    await system.sink?.close();
    if (system.services) await dropTestServices(system.services);
  });
  return system;
}
