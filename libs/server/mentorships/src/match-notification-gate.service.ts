import { Injectable, type OnModuleInit } from '@nestjs/common';
import { NotificationGates } from '@mentorship/notifications';
import { ProgramNotificationGates } from '@mentorship/programs';

/** A notification about a match is not delivered when the match's program turned its kind off. */
@Injectable()
export class MatchNotificationGateService implements OnModuleInit {
  constructor(
    private readonly gates: NotificationGates,
    private readonly programGates: ProgramNotificationGates,
  ) {}

  onModuleInit(): void {
    this.programGates.register(this.gates, 'match', 'matches');
  }
}
