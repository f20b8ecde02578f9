/**
 * The dashboard's filter as every read binds it: `$1` the organization (the tenant), `$2` the
 * program or null, `$3` the cohort or null, `$4` the first and `$5` the last day.
 */
export interface RollupFilter {
  programId: string | null;
  cohortId: string | null;
  from: string;
  to: string;
}

export const filterParameters = (filter: RollupFilter): unknown[] => [
  filter.programId,
  filter.cohortId,
  filter.from,
  filter.to,
];

/** The program and cohort conditions on a rollup table aliased `t`. */
export const IN_SCOPE = `($2::uuid IS NULL OR t.program_id = $2::uuid) AND ($3::uuid IS NULL OR t.cohort_id = $3::uuid)`;
