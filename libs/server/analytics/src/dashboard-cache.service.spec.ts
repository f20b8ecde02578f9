import { DashboardCache } from './dashboard-cache.service';

describe(DashboardCache.name, () => {
  it('answers what was kept under exactly the state asked, for that organization only', () => {
    const cache = new DashboardCache();
    cache.keep('org-a', 'v1', 'trial-funnel:2026-01-01:2026-03-31::', { proposed: 3 });
    expect(cache.answerOf('org-a', 'v1', 'trial-funnel:2026-01-01:2026-03-31::')).toEqual({ proposed: 3 });
    expect(cache.answerOf('org-a', 'v2', 'trial-funnel:2026-01-01:2026-03-31::')).toBeUndefined();
    expect(cache.answerOf('org-b', 'v1', 'trial-funnel:2026-01-01:2026-03-31::')).toBeUndefined();
    expect(cache.answerOf('org-a', 'v1', 'retention:2026-01-01:2026-03-31::')).toBeUndefined();
  });

  it("drops an organization's answers of another state once one of a new state is kept", () => {
    const cache = new DashboardCache();
    cache.keep('org-a', 'v1', 'exits', { n: 1 });
    cache.keep('org-a', 'v1', 'cohorts', { n: 2 });
    cache.keep('org-a', 'v2', 'exits', { n: 3 });
    expect(cache.answerOf('org-a', 'v2', 'exits')).toEqual({ n: 3 });
    expect(cache.answerOf('org-a', 'v2', 'cohorts')).toBeUndefined();
    // A late request of the older state replaces the newer: a miss for the next, never its answer.
    cache.keep('org-a', 'v1', 'exits', { n: 1 });
    expect(cache.answerOf('org-a', 'v2', 'exits')).toBeUndefined();
    expect(cache.answerOf('org-a', 'v1', 'exits')).toEqual({ n: 1 });
  });

  it('freezes what it keeps, so no request can change the next one’s answer', () => {
    const cache = new DashboardCache();
    const answer = { filter: { from: '2026-01-01' }, points: [{ days: 30 }] };
    cache.keep('org-a', 'v1', 'retention', answer);
    const kept = cache.answerOf<typeof answer>('org-a', 'v1', 'retention')!;
    expect(Object.isFrozen(kept.points[0])).toBe(true);
    expect(() => {
      'use strict';
      kept.points[0]!.days = 90;
    }).toThrow(TypeError);
  });

  it('keeps at most 200 answers per organization and 500 organizations, the least recently asked dropped', () => {
    const cache = new DashboardCache();
    for (let i = 0; i < 200; i++) cache.keep('org-a', 'v1', `chart-${i}`, { i });
    // chart-0 asked again: chart-1 is now the least recently asked.
    expect(cache.answerOf('org-a', 'v1', 'chart-0')).toEqual({ i: 0 });
    cache.keep('org-a', 'v1', 'chart-200', { i: 200 });
    expect(cache.answerOf('org-a', 'v1', 'chart-1')).toBeUndefined();
    expect(cache.answerOf('org-a', 'v1', 'chart-0')).toEqual({ i: 0 });
    expect(cache.answerOf('org-a', 'v1', 'chart-200')).toEqual({ i: 200 });

    for (let i = 0; i < 500; i++) cache.keep(`org-${i}`, 'v1', 'exits', { i });
    expect(cache.answerOf('org-a', 'v1', 'chart-0')).toBeUndefined();
    expect(cache.answerOf('org-0', 'v1', 'exits')).toEqual({ i: 0 });
    expect(cache.answerOf('org-499', 'v1', 'exits')).toEqual({ i: 499 });
  });

  it('reads once for the requests asking the same at once, and not again once kept', async () => {
    const cache = new DashboardCache();
    let reads = 0;
    let release: () => void = () => undefined;
    const read = async () => {
      reads++;
      await new Promise<void>((resolve) => (release = resolve));
      return { n: reads };
    };
    const asked = [1, 2, 3].map(() => cache.answer('org-a', 'v1', 'exits', read));
    release();
    expect(await Promise.all(asked)).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
    expect(await cache.answer('org-a', 'v1', 'exits', read)).toEqual({ n: 1 });
    expect(reads).toBe(1);
  });

  it('keeps no failed read: the next request reads again', async () => {
    const cache = new DashboardCache();
    await expect(
      cache.answer('org-a', 'v1', 'exits', () => Promise.reject(new Error('program not found'))),
    ).rejects.toThrow('program not found');
    expect(await cache.answer('org-a', 'v1', 'exits', async () => ({ n: 2 }))).toEqual({ n: 2 });
  });
});
