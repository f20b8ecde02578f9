import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** Length in characters (code points), as the API counts it, not in UTF-16 units. */
export function characters(value: string): number {
  return [...value].length;
}

/**
 * Between `min` and `max` characters; an empty value is left to `Validators.required`. With
 * `trim`, the value is measured as the API stores it (names are trimmed, passwords never).
 */
export function lengthInCharacters(min: number, max: number, { trim = false } = {}): ValidatorFn {
  return (control: AbstractControl<string | null>): ValidationErrors | null => {
    const value = control.value ?? '';
    const length = characters(trim ? value.trim() : value);
    return length === 0 || (length >= min && length <= max) ? null : { length: { min, max, actual: length } };
  };
}

/** Only spaces is as good as nothing: the API trims names. */
export function notBlank(control: AbstractControl<string | null>): ValidationErrors | null {
  return control.value && control.value.trim() === '' ? { blank: true } : null;
}
