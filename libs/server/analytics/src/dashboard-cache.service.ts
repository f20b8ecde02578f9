import { Injectable } from '@nestjs/common';
import { SharedReads } from '@mentorship/platform';

/** Organizations whose answers one API process keeps, the least recently asked dropped first. */
const KEPT_ORGANIZATIONS = 500;
/** Answers kept per organization (charts x filters x ranges), the least recently asked dropped first. */
const KEPT_ANSWERS = 200;

interface OrganizationAnswers {
  /** The state (`DashboardState`: rollup version, dimensions) every answer here was read at. */
  state: string;
  answers: Map<string, unknown>;
}

/**
 * The dashboard's answers, kept in this process per organization under the state they were read
 * at. Rollups change only when a rollup commits (and raises the organization's version), so an
 * answer read at one state is the answer while the state holds: every request reads the state
 * (one statement, with its COMMIT) and takes a kept answer only under exactly that state. No
 * replica answers from rows a committed rollup changed, with no message between replicas; an
 * organization's answers under another state are dropped when its state is seen to change.
 */
@Injectable()
export class DashboardCache {
  private readonly organizations = new Map<string, OrganizationAnswers>();
  /** Answers being read, so requests asking the same at once (after a rollup) share one read. */
  private readonly reading = new SharedReads<unknown>();

  /** The answer kept under `state`, else `read`'s (one read for the requests asking it at once), kept. */
  answer<T>(organizationId: string, state: string, key: string, read: () => Promise<T>): Promise<T> {
    const kept = this.answerOf<T>(organizationId, state, key);
    if (kept !== undefined) return Promise.resolve(kept);
    return this.reading.read(JSON.stringify([organizationId, state, key]), async () => {
      const answer = await read();
      this.keep(organizationId, state, key, answer);
      return answer;
    }) as Promise<T>;
  }

  answerOf<T>(organizationId: string, state: string, key: string): T | undefined {
    const kept = this.organizations.get(organizationId);
    if (!kept || kept.state !== state) return undefined;
    const answer = kept.answers.get(key);
    if (answer === undefined) return undefined;
    // Map order is the eviction order: the answer (and its organization) to the back.
    kept.answers.delete(key);
    kept.answers.set(key, answer);
    this.organizations.delete(organizationId);
    this.organizations.set(organizationId, kept);
    return answer as T;
  }

  /**
   * Keeps `answer` (frozen: every later request gets this object). A request that read an older
   * state than one kept since replaces it; the next request at the newer state reads again: a
   * cost, never a stale answer, since a kept answer is taken only under its own state.
   */
  keep(organizationId: string, state: string, key: string, answer: unknown): void {
    let kept = this.organizations.get(organizationId);
    if (!kept || kept.state !== state) kept = { state, answers: new Map() };
    kept.answers.set(key, deepFreeze(answer));
    while (kept.answers.size > KEPT_ANSWERS) kept.answers.delete(kept.answers.keys().next().value as string);
    this.organizations.delete(organizationId);
    this.organizations.set(organizationId, kept);
    while (this.organizations.size > KEPT_ORGANIZATIONS)
      this.organizations.delete(this.organizations.keys().next().value as string);
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
