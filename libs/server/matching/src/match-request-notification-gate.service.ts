import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationGates } from '@mentorship/notifications';
import { MatchRequestRepository } from './repositories/match-request.repository';

/** A notification about a match request is not delivered when its program turned the kind off. */
@Injectable()
export class MatchRequestNotificationGateService implements OnModuleInit {
  constructor(
    private readonly gates: NotificationGates,
    private readonly requests: MatchRequestRepository,
  ) {}

  onModuleInit(): void {
    this.gates.register(
      'match_request',
      async ({ kind, subjectId }) =>
        !(await this.requests.disabledNotificationKindsOf(subjectId)).includes(kind),
      // The same read, for the delivery's one statement (no round trip of its own).
      { disabledKinds: MatchRequestRepository.DISABLED_NOTIFICATION_KINDS_OF_SUBJECT },
    );
  }
}
