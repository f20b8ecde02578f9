import { FormControl, Validators } from '@angular/forms';
import { fieldErrorText } from './field-error.pipe';
import { lengthInCharacters, notBlank } from './validators';

describe(fieldErrorText.name, () => {
  it('says nothing for a valid field', () => {
    expect(fieldErrorText(null)).toBe('');
  });

  it('puts emptiness before the other rules, in the words given for the field', () => {
    const control = new FormControl('', [Validators.minLength(2), Validators.required]);
    expect(fieldErrorText(control.errors, { required: 'Enter a name.' })).toBe('Enter a name.');
    expect(fieldErrorText(control.errors)).toBe('This field is required.');
  });

  it('names the rule broken when no words are given', () => {
    expect(fieldErrorText(new FormControl('nope', Validators.email).errors)).toBe(
      'Enter an email address, like name@example.org.',
    );
    expect(fieldErrorText(new FormControl('abcd', Validators.maxLength(3)).errors)).toBe(
      'Use at most 3 characters.',
    );
    expect(fieldErrorText(new FormControl('a', Validators.minLength(2)).errors)).toBe(
      'Use at least 2 characters.',
    );
    expect(fieldErrorText(new FormControl('short', lengthInCharacters(12, 128)).errors)).toBe(
      'Use at least 12 characters.',
    );
    expect(fieldErrorText(new FormControl('x'.repeat(129), lengthInCharacters(12, 128)).errors)).toBe(
      'Use at most 128 characters.',
    );
  });

  it('shows a problem placed by the server over the field’s own rules', () => {
    expect(fieldErrorText({ required: true, server: 'Taken.' })).toBe('Taken.');
  });
});

describe(lengthInCharacters.name, () => {
  it('counts characters, not UTF-16 units, and leaves emptiness to required', () => {
    const rule = lengthInCharacters(2, 3);
    expect(rule(new FormControl('😀😀😀'))).toBeNull();
    expect(rule(new FormControl('😀😀😀😀'))).toEqual({ length: { min: 2, max: 3, actual: 4 } });
    expect(rule(new FormControl(''))).toBeNull();
  });

  it('measures the trimmed value when the API trims it', () => {
    expect(lengthInCharacters(2, 3, { trim: true })(new FormControl(' a '))).toEqual({
      length: { min: 2, max: 3, actual: 1 },
    });
  });
});

describe(notBlank.name, () => {
  it('refuses only spaces', () => {
    expect(notBlank(new FormControl('   '))).toEqual({ blank: true });
    expect(notBlank(new FormControl(' a '))).toBeNull();
  });
});
