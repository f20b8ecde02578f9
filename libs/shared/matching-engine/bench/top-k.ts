/*
 * Top-10 suggestions: the packed index against scoring every pair one by one (`naiveTopK`), on
 * populations of 20,000 mentors. Each query is timed once per side (fast, then naive, query after
 * query); p99 over the queries. Results must be identical mentor by mentor and point by point.
 */
import { resolveCriteria } from '../src/criteria';
import { MentorIndex } from '../src/mentor-index';
import { naiveTopK } from '../src/testing/naive-top-k';
import { generatePopulation } from '../src/testing/profiles';
import { log, ms, now, percentile, printTable, ratio, targets, yesNo, type BenchOptions } from './report';

export function topK(options: BenchOptions): void {
  void options;
  log('## Top-10 suggestions over 20,000 mentors');
  const { mentees, mentors } = generatePopulation(42, 2000, 20000);
  const criteria = resolveCriteria({
    mustHaves: ['languages'],
    minWeeklyOverlapHours: 0.5,
    excludeSameReportingLine: true,
  });
  const t0 = now();
  const index = new MentorIndex(mentors, criteria);
  log(`index built in ${ms(now() - t0)}`);
  for (const mentee of mentees.slice(0, 20)) {
    index.topK(mentee, 10);
    naiveTopK(mentee, mentors, criteria, 10);
  }
  const fastTimes: number[] = [];
  const naiveTimes: number[] = [];
  let mismatches = 0;
  for (const mentee of mentees) {
    let t = now();
    const fast = index.topK(mentee, 10);
    fastTimes.push(now() - t);
    t = now();
    const naive = naiveTopK(mentee, mentors, criteria, 10);
    naiveTimes.push(now() - t);
    const same =
      fast.length === naive.length &&
      fast.every((f, i) => index.mentors[f.mentor].id === naive[i].mentorId && f.points === naive[i].points);
    if (!same) mismatches++;
  }
  const fastP99 = percentile(fastTimes, 99);
  const naiveP99 = percentile(naiveTimes, 99);
  targets.push({ name: 'top-10: identical to the naive scorer', met: mismatches === 0 });
  targets.push({ name: 'top-10: p99 fast / p99 naive <= 0.05', met: fastP99 / naiveP99 <= 0.05 });
  printTable(
    ['population', 'queries identical to naive', 'p99 fast / p99 naive', 'ratio (<= 0.05)', 'met'],
    [
      [
        'standard',
        `${mentees.length - mismatches} / ${mentees.length}`,
        `${ms(fastP99)} / ${ms(naiveP99)}`,
        ratio(fastP99 / naiveP99),
        yesNo(mismatches === 0 && fastP99 / naiveP99 <= 0.05),
      ],
    ],
  );
}
