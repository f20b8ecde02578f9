import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationGates } from '@mentorship/notifications';
import { MatchRepository } from './repositories/match.repository';

/** A notification about a match is not delivered when the match's program turned its kind off. */
@Injectable()
export class MatchNotificationGateService implements OnModuleInit {
  constructor(
    private readonly gates: NotificationGates,
    private readonly matches: MatchRepository,
  ) {}

  onModuleInit(): void {
    this.gates.register(
      'match',
      async ({ kind, subjectId }) =>
        !(await this.matches.disabledNotificationKindsOf(subjectId)).includes(kind),
      // The same read, for the delivery's one statement (no round trip of its own).
      { disabledKinds: MatchRepository.DISABLED_NOTIFICATION_KINDS_OF_SUBJECT },
    );
  }
}
