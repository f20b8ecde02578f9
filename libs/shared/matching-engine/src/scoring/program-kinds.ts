/*
 * The kinds of program, one entry each: which seniority gaps a kind allows, how it values a gap,
 * how many mentees a mentor's capacity means, whether the match has a trial, and the criteria
 * defaults the kind changes. Eligibility, scoring and bulk rounds read only this table.
 */

export const PROGRAM_KIND_IDS = ['one-to-one', 'group', 'peer', 'reverse', 'flash'] as const;
export type ProgramKind = (typeof PROGRAM_KIND_IDS)[number];

export interface ProgramKindSpec {
  id: ProgramKind;
  /** One line, for documentation and error messages. */
  description: string;
  /** Whether a pair whose mentor is `gap` levels above the mentee (negative: below) may be matched. */
  allowsGap(gap: number, peerMaxSeniorityGap: number): boolean;
  /** Why a gap the kind does not allow is refused (the program-kind rule's reason). */
  refusal(gap: number, peerMaxSeniorityGap: number): string;
  /** The seniority component's value for an allowed gap, 0..1. */
  seniorityValue(gap: number, peerMaxSeniorityGap: number): number;
  /** Mentee seats of a mentor with `capacity` (groups for a group program) in a bulk round. */
  seats(capacity: number, groupSize: number | null): number;
  /** Whether matches of this kind start with a trial period (flash: one conversation, no trial). */
  hasTrial: boolean;
  /** Criteria defaults this kind changes (applied before the caller's own input). */
  defaults: { targetWeeklyOverlapHours?: number };
}

const levels = (n: number): string => `${n} level${n === 1 ? '' : 's'}`;

/** A mentor one or two levels up knows the road just ahead; far above, less so; never below. */
const upward = {
  allowsGap: (gap: number): boolean => gap >= 0,
  refusal: (gap: number): string => `mentor is ${levels(-gap)} junior to the mentee`,
  seniorityValue: (gap: number): number =>
    gap <= 0 ? (gap === 0 ? 0.5 : 0) : gap <= 2 ? 1 : gap <= 3 ? 0.75 : 0.5,
};

const oneSeatPerCapacity = (capacity: number): number => capacity;

export const PROGRAM_KINDS: Readonly<Record<ProgramKind, ProgramKindSpec>> = {
  'one-to-one': {
    id: 'one-to-one',
    description: 'one mentor, one mentee; the mentor is not junior to the mentee',
    ...upward,
    seats: oneSeatPerCapacity,
    hasTrial: true,
    defaults: {},
  },
  group: {
    id: 'group',
    description: 'one mentor leads groups of `groupSize` mentees; capacity counts groups',
    ...upward,
    seats: (capacity, groupSize) => capacity * (groupSize ?? 1),
    hasTrial: true,
    defaults: {},
  },
  peer: {
    id: 'peer',
    description: 'peers at most `peerMaxSeniorityGap` levels apart',
    allowsGap: (gap, max) => Math.abs(gap) <= max,
    refusal: (gap, max) =>
      `seniority ${levels(Math.abs(gap))} apart, peers may be at most ${levels(max)} apart`,
    seniorityValue: (gap, max) => (Math.abs(gap) > max ? 0 : 1 - Math.abs(gap) / (max + 1)),
    seats: oneSeatPerCapacity,
    hasTrial: true,
    defaults: {},
  },
  reverse: {
    id: 'reverse',
    description: 'reverse mentoring: the mentor may be junior, and knowledge is meant to flow upwards',
    allowsGap: () => true,
    refusal: () => 'reverse programs allow every seniority gap',
    seniorityValue: (gap) => (gap < 0 ? 1 : gap === 0 ? 0.5 : 0.25),
    seats: oneSeatPerCapacity,
    hasTrial: true,
    defaults: {},
  },
  flash: {
    id: 'flash',
    description: 'one conversation, no trial; capacity counts conversations',
    ...upward,
    seats: oneSeatPerCapacity,
    hasTrial: false,
    // One conversation needs one common hour, not a weekly rhythm.
    defaults: { targetWeeklyOverlapHours: 1 },
  },
};

export function programKind(kind: ProgramKind): ProgramKindSpec {
  return PROGRAM_KINDS[kind];
}
