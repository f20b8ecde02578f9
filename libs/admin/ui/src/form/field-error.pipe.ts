import { Pipe, type PipeTransform } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';

/** Words for a field's errors, by validator key; the defaults below cover the common ones. */
export type FieldMessages = Readonly<Record<string, string>>;

/** A server-side problem placed on a control (see placeServerErrors) wins over the rest. */
export const SERVER_ERROR = 'server';

/**
 * What is wrong with a field, in a sentence. `messages` words it for the field ("Enter your
 * name."); otherwise a generic sentence that still names the rule broken.
 */
export function fieldErrorText(
  errors: ValidationErrors | null | undefined,
  messages: FieldMessages = {},
): string {
  if (!errors) return '';
  const server: unknown = errors[SERVER_ERROR];
  if (typeof server === 'string') return server;
  // Emptiness first: "too short" says nothing useful about an empty field.
  const keys = ['required', 'blank', ...Object.keys(errors)].filter((key) => key in errors);
  for (const key of keys) {
    const worded = messages[key];
    if (worded) return worded;
  }
  const [first] = keys;
  const detail = first === undefined ? undefined : (errors[first] as Record<string, unknown> | true);
  switch (first) {
    case 'required':
    case 'blank':
      return 'This field is required.';
    case 'email':
      return 'Enter an email address, like name@example.org.';
    case 'maxlength':
      return `Use at most ${String((detail as Record<string, unknown>)['requiredLength'])} characters.`;
    case 'minlength':
      return `Use at least ${String((detail as Record<string, unknown>)['requiredLength'])} characters.`;
    case 'length': {
      const { min, max, actual } = detail as { min: number; max: number; actual: number };
      return actual < min ? `Use at least ${min} characters.` : `Use at most ${max} characters.`;
    }
    default:
      return 'Check this field.';
  }
}

/** `{{ control.errors | fieldError: { required: 'Enter your name.' } }}` inside a mat-error. */
@Pipe({ name: 'fieldError' })
export class FieldErrorPipe implements PipeTransform {
  transform(errors: ValidationErrors | null | undefined, messages?: FieldMessages): string {
    return fieldErrorText(errors, messages);
  }
}
