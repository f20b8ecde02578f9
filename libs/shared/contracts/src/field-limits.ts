/**
 * Lengths the API accepts for request fields, in characters (code points). Forms check them
 * before sending; the admin's end-to-end suite proves the API enforces exactly these.
 */
export const FIELD_LIMITS = {
  email: { max: 254 },
  password: { min: 12, max: 128 },
  displayName: { min: 1, max: 100 },
  organizationName: { min: 2, max: 120 },
} as const;
