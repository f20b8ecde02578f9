import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationGates } from '@mentorship/notifications';
import { ProgramNotificationGates } from '@mentorship/programs';

/** A notification about a match request is not delivered when its program turned the kind off. */
@Injectable()
export class MatchRequestNotificationGateService implements OnModuleInit {
  constructor(
    private readonly gates: NotificationGates,
    private readonly programGates: ProgramNotificationGates,
  ) {}

  onModuleInit(): void {
    this.programGates.register(this.gates, 'match_request', 'match_requests');
  }
}
