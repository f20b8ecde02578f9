import type { AbstractControl, FormGroup } from '@angular/forms';
import type { ErrorCode } from '@mentorship/contracts';
import { errorBodyOf, errorMessageOf, fieldProblemsOf, sentences } from '@mentorship/admin/util';
import { SERVER_ERROR } from './field-error.pipe';

/**
 * Puts the API's answer next to the fields it is about: the per-field problems of a
 * `validation_failed` answer, and the codes in `codeFields` (e.g. `email_taken` on `email`).
 * Returns what belongs to no field of this form, worded for people, or null when all was placed.
 */
export function placeServerErrors(
  form: FormGroup,
  error: unknown,
  codeFields: Partial<Record<ErrorCode, string>> = {},
): string | null {
  const body = errorBodyOf(error);
  const codeField = body ? codeFields[body.code as ErrorCode] : undefined;
  const codeControl = codeField ? form.get(codeField) : null;
  if (body && codeControl) {
    setServerError(codeControl, body.message);
    return null;
  }
  const problems = fieldProblemsOf(error);
  if (problems.length === 0) return errorMessageOf(error);
  const unplaced: string[] = [];
  for (const { field, problems: texts } of problems) {
    const control = form.get(field);
    if (control) setServerError(control, sentences(texts));
    else unplaced.push(...texts);
  }
  return unplaced.length > 0 ? sentences(unplaced) : null;
}

/** Shown until the value is edited: the control's own validators then replace the errors. */
function setServerError(control: AbstractControl, message: string): void {
  control.setErrors({ ...control.errors, [SERVER_ERROR]: message });
  control.markAsTouched();
}
