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

/**
 * The whole system for the enclosing `describe`: an SMTP sink, the real API and the real
 * worker on one database and Redis namespace, stopped after the tests. `config` may be a
 * function, read when the system starts (e.g. to point at a Redis an earlier `beforeAll`
 * started); `extraContexts` join the product's contexts.
 */
export function useTestSystem(
  options: {
    config?: Partial<AppConfig> | (() => Partial<AppConfig>);
    extraContexts?: readonly BoundedContext[];
  } = {},
): TestSystem {
  const system = {} as { -readonly [K in keyof TestSystem]: TestSystem[K] };
  beforeAll(async () => {
    system.sink = await startSmtpSink();
    const config = typeof options.config === 'function' ? options.config() : options.config;
    system.services = await createTestServices(
      { smtpUrl: system.sink.url, ...config },
      { extraContexts: options.extraContexts },
    );
    system.api = await startTestApi({ services: system.services });
    system.worker = await startTestWorker(system.services);
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
