/**
 * Lengths the API accepts for request fields, in characters (code points). Forms check them
 * before sending; the admin's end-to-end suite proves the API enforces exactly these.
 */
export const FIELD_LIMITS = {
  email: { max: 254 },
  password: { min: 12, max: 128 },
  displayName: { min: 1, max: 100 },
  organizationName: { min: 2, max: 120 },
  skillName: { min: 1, max: 80 },
  /** A goal, a topic, a department. */
  profileText: { min: 1, max: 120 },
  programName: { min: 2, max: 120 },
  programDescription: { max: 2000 },
  cohortName: { min: 2, max: 120 },
  applicationMotivation: { max: 2000 },
  /** A structured match request's parts (matching.ts says what each is for). */
  matchRequestSubject: { min: 5, max: 120 },
  matchRequestHowFound: { min: 3, max: 300 },
  matchRequestWantToLearn: { min: 10, max: 1000 },
  matchRequestSpecificAsk: { min: 10, max: 500 },
  matchRequestOfferBack: { min: 3, max: 500 },
  matchRequestDeclineNote: { max: 500 },
  /** Why a match was declined or ended; a trial's exit note. */
  matchReason: { min: 1, max: 1000 },
  /** An agreement's or a map's line (a goal, a measure, a milestone's part). */
  lifecycleLine: { min: 1, max: 500 },
  /** A longer text of an agreement or a map (boundaries, contributions, a state). */
  lifecycleText: { max: 2000 },
  /** A check-in's notes, a notebook entry. */
  checkInNotes: { max: 5000 },
  notebookEntry: { min: 1, max: 5000 },
} as const;
