import { Client } from 'pg';

/**
 * Counts the round trips to Postgres made while `work` runs, by wrapping the pg driver's
 * `Client.prototype.query` (every pooled connection is a `Client`; one call is one round trip,
 * a multi-statement simple query included). Run `work` alone: concurrent traffic would count.
 */
export async function countRoundTrips<T>(
  work: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = Client.prototype.query;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    const config = args[0];
    statements.push(typeof config === 'string' ? config : String((config as { text?: string })?.text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    const result = await work();
    return { result, statements };
  } finally {
    Client.prototype.query = original;
  }
}
