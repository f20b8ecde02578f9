import { Validators, type NonNullableFormBuilder } from '@angular/forms';
import { FIELD_LIMITS, type SendMatchRequestRequest } from '@mentorship/contracts';
import { lengthInCharacters, notBlank } from '@mentorship/admin/ui';

export type RequestPart = Exclude<keyof SendMatchRequestRequest, 'mentorUserId'>;

/** One part of a structured request: what it is, its limits, and why the form asks it. */
export interface RequestPartSpec {
  name: RequestPart;
  label: string;
  /** The label as the mentor reads the mentee's words. */
  theirs: string;
  why: string;
  placeholder: string;
  min: number;
  max: number;
  /** A textarea's rows; a one-line input when absent. */
  rows?: number;
}

/** The outreach practice mentees are taught, part by part, in the order a mentor reads them. */
export const REQUEST_PARTS: readonly RequestPartSpec[] = [
  {
    name: 'subject',
    label: 'Subject',
    theirs: 'Subject',
    why: 'A mentor decides from the subject whether and when they can help; a bounded ask is easy to say yes to.',
    placeholder: '30 minutes on design reviews, in the next two weeks?',
    ...FIELD_LIMITS.matchRequestSubject,
  },
  {
    name: 'howFound',
    label: 'How I found you',
    theirs: 'How they found you',
    why: 'It shows the request is meant for this mentor, not sent to everyone.',
    placeholder: 'Your talk on API design at the engineering all-hands',
    ...FIELD_LIMITS.matchRequestHowFound,
    rows: 2,
  },
  {
    name: 'wantToLearn',
    label: 'What I want to learn',
    theirs: 'What they want to learn',
    why: 'The mentor can judge whether it is their area, and the first conversation starts from it.',
    placeholder: 'How to run a design review that people leave with decisions.',
    ...FIELD_LIMITS.matchRequestWantToLearn,
    rows: 4,
  },
  {
    name: 'specificAsk',
    label: 'My specific ask',
    theirs: 'Their specific ask',
    why: 'Ask for a first conversation of 15–30 minutes: a small, concrete first step is what busy mentors accept.',
    placeholder: 'A first conversation of 20 minutes, at a time that suits you.',
    ...FIELD_LIMITS.matchRequestSpecificAsk,
    rows: 3,
  },
  {
    name: 'offerBack',
    label: 'What I offer back',
    theirs: 'What they offer back',
    why: 'Mentoring goes both ways: saying what you bring makes it a conversation between peers.',
    placeholder: 'Notes from our team’s move to TypeScript.',
    ...FIELD_LIMITS.matchRequestOfferBack,
    rows: 2,
  },
];

/** The request form: every part required, measured in characters and trimmed as the API stores it. */
export function buildRequestForm(fb: NonNullableFormBuilder) {
  const part = (spec: RequestPartSpec) =>
    fb.control('', [Validators.required, notBlank, lengthInCharacters(spec.min, spec.max, { trim: true })]);
  const [subject, howFound, wantToLearn, specificAsk, offerBack] = REQUEST_PARTS.map(part);
  return fb.group({ subject, howFound, wantToLearn, specificAsk, offerBack });
}

export type RequestForm = ReturnType<typeof buildRequestForm>;
