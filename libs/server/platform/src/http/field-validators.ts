// Validators that DTO fields of every context combine the same way, composed once.
import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

/** A range of a field's limits (`FIELD_LIMITS.*`, `PROGRAM_LIMITS.*`). */
export interface FieldRange {
  min: number;
  max: number;
}

/** Trims a string before it is validated; anything else passes as it is. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** `trimmed` for each string of an array. */
export const trimmedEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

/**
 * Decorators in the order they would stand above a property. TypeScript applies stacked
 * decorators bottom first and class-validator lists a field's problems in the order its rules
 * were applied, so a composed rule keeps the problems' order of the stack it replaces.
 */
export function Stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...[...decorators].reverse());
}

/** A whole number from `range.min` to `range.max`. */
export const IsIntIn = (range: FieldRange): PropertyDecorator =>
  Stacked(IsInt(), Min(range.min), Max(range.max));

/** A string of `range.min` to `range.max` characters once trimmed. */
export const IsTrimmedText = (range: FieldRange): PropertyDecorator =>
  Stacked(Transform(trimmed), IsString(), Length(range.min, range.max));

/** A list of at most `max` objects, each one validated as the class `type()` gives. */
export const IsListOf = (
  type: () => abstract new (...args: never[]) => unknown,
  max: number,
): PropertyDecorator =>
  Stacked(
    IsArray(),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(type as () => new () => unknown),
  );
