import type { BoundedContext } from '@mentorship/platform';
import { pulseDueJob } from './jobs/pulse-due.job';
import { cohortEndJob, cohortEndScanSchedule } from './jobs/cohort-end.job';
import { trialDeadlineJob, trialHalfwayJob } from './jobs/trial-deadline.job';
import { MentorshipsModule } from './mentorships.module';
import { MentorshipsNotifications } from './mentorships.notifications';
import { mentorshipsMigrations } from './migrations';

export const mentorshipsContext: BoundedContext = {
  name: 'mentorships',
  module: MentorshipsModule,
  migrations: mentorshipsMigrations,
  jobs: [trialHalfwayJob, trialDeadlineJob, pulseDueJob, cohortEndJob],
  schedules: [cohortEndScanSchedule],
  notificationKinds: Object.values(MentorshipsNotifications),
};
