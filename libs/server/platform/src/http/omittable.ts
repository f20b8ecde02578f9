import { ValidateIf } from 'class-validator';

/**
 * A field that may be left out of a body but, when present, must be valid: `null` included.
 * class-validator's `@IsOptional()` also waves `null` through, which then reaches a NOT NULL
 * column as a 500; use `@IsOptional()` only where `null` means something (e.g. "clear it").
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}
