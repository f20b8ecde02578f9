import type { DeclineReason, MatchRequestStatus } from '@mentorship/contracts';
import type { ComponentId } from '@mentorship/matching-engine';

/** The score components in the words coordinators and mentees use; the engine's ids stay in the code. */
export const COMPONENT_WORDS: Record<ComponentId, { label: string; hint: string }> = {
  skills: { label: 'Skills', hint: 'The mentor is good at what the mentee wants to learn.' },
  goals: { label: 'Goals', hint: "The mentor's topics fit the mentee's goals." },
  mentorTypes: { label: 'Kind of mentoring', hint: 'Technical, career, leadership … as offered and wanted.' },
  availability: { label: 'Common time', hint: 'Both are free at the same hours of the week.' },
  languages: { label: 'Languages', hint: 'They share a language.' },
  seniority: { label: 'Seniority', hint: 'The mentor is more senior (or a peer, in peer programs).' },
  timeZone: { label: 'Time zone', hint: 'Their time zones are close.' },
};

/** A score component's name in words; an id this build does not know yet is shown as it is. */
export function scoreComponentLabel(id: string): string {
  return (COMPONENT_WORDS as Record<string, { label: string } | undefined>)[id]?.label ?? id;
}

const REQUEST_STATUS: Record<MatchRequestStatus, string> = {
  open: 'Waiting for an answer',
  accepted: 'Accepted',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
};

export function matchRequestStatusLabel(status: MatchRequestStatus): string {
  return REQUEST_STATUS[status];
}

const DECLINE_REASON: Record<DeclineReason, string> = {
  'too-busy': 'Too busy right now',
  'not-my-area': 'Not my area',
  other: 'Another reason',
};

export function declineReasonLabel(reason: DeclineReason): string {
  return DECLINE_REASON[reason];
}
