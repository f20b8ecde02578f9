import { Transform } from 'class-transformer';

/** Addresses are compared case-insensitively: every address is stored and compared this way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Normalizes an incoming address before it is validated (DTO property decorator). */
export const NormalizeEmail = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeEmail(value) : value));
