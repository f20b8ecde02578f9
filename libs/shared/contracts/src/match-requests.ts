/**
 * A structured match request (the outreach practice mentees are taught): open until the mentor
 * accepts or declines it, the mentee withdraws it, or the program's days pass (expired).
 */
export const MATCH_REQUEST_STATUSES = ['open', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type MatchRequestStatus = (typeof MATCH_REQUEST_STATUSES)[number];

/** Why a mentor declines: the mentee reads it, so it is one of these words and an optional note. */
export const DECLINE_REASONS = ['too-busy', 'not-my-area', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** How many suggestions a mentee may ask for at once. */
export const SUGGESTION_LIMIT = { min: 1, max: 20, default: 5 } as const;
