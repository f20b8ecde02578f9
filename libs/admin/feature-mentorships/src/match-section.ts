import { inject } from '@angular/core';
import { MentorshipsApi } from '@mentorship/admin/data-access-mentorships';
import { ErrorNotifier, type FormSubmission } from '@mentorship/admin/ui';
import type { Observable } from 'rxjs';
import { MatchStore } from './match.store';
import { dayLabel, instantLabel } from './mentorship-words';

/**
 * What each section of the match page (agreement, map, check-ins, notebook, trial, pulse, exit
 * survey) stands on: the page's `MatchStore`, the API, the notifier and the date words, and one
 * way to send a form about this match, so a section says only its request and what changes.
 */
export abstract class MatchSection {
  protected readonly store = inject(MatchStore);
  protected readonly api = inject(MentorshipsApi);
  protected readonly notifier = inject(ErrorNotifier);
  protected readonly when = instantLabel;
  protected readonly day = dayLabel;

  /** The mentee's or mentor's name for a user id of this match, else `other`. */
  protected nameIn(userId: string, other: string): string {
    const match = this.store.match();
    if (userId === match?.mentee.userId) return match.mentee.displayName;
    if (userId === match?.mentor.userId) return match.mentor.displayName;
    return other;
  }

  /**
   * Sends `request` (given this match's ids) through the form's submission; on the answer the
   * form is free again, `done` applies it and the notifier says `sent`.
   */
  protected send<T>(
    submission: FormSubmission,
    request: (orgId: string, matchId: string) => Observable<T>,
    sent: string | ((answer: T) => string),
    done: (answer: T) => void = () => undefined,
  ): void {
    submission.submitInPlace(
      () => request(this.store.orgId, this.store.matchId),
      (answer) => {
        done(answer);
        this.notifier.info(typeof sent === 'string' ? sent : sent(answer));
      },
    );
  }
}
