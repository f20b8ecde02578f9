import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy } from 'class-validator';

/** Decimal digits only, and few enough that the number is exact (below 2^53). */
const DECIMAL_DIGITS = /^[0-9]{1,15}$/;

/**
 * An integer query or path parameter from `min` to `max`, read strictly: `"42"` is 42;
 * anything else (`0x10`, `1e17`, `1.5`, ` 7`, twenty digits, a repeated parameter) is a 400
 * with one message. `Number()` would read `0x10` as 16 and `1e300` as a number, and an
 * unbounded number can overflow the query it ends up in.
 */
export function IntegerParam(range: { min: number; max: number }): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && DECIMAL_DIGITS.test(value) ? Number(value) : value,
    ),
    ValidateBy({
      name: 'integerParam',
      constraints: [range.min, range.max],
      validator: {
        validate: (value: unknown) =>
          Number.isSafeInteger(value) && (value as number) >= range.min && (value as number) <= range.max,
        defaultMessage: (args) =>
          `${args?.property} must be a whole number from ${range.min} to ${range.max}, in decimal digits`,
      },
    }),
  );
}
