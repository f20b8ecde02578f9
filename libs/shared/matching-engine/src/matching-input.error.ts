/** Thrown for input the engine cannot work with; `code` is stable for callers to map. */
export class MatchingInputError extends Error {
  constructor(
    readonly code:
      | 'invalid-criteria'
      | 'invalid-profile'
      | 'duplicate-id'
      | 'unknown-id'
      | 'invalid-fixed-pair'
      | 'invalid-graph'
      | 'round-too-large',
    message: string,
    /** For `round-too-large`: the size of the refused round, so a caller can say it in its own words. */
    readonly roundSize?: { mentees: number; candidatePairs: number },
  ) {
    super(message);
    this.name = 'MatchingInputError';
  }
}
