import type { ContextMigrations } from '@mentorship/platform';
import { Matches1764600000000 } from './1764600000000-matches';
import { MatchTimeline1764600000100 } from './1764600000100-match-timeline';
import { Trials1764600000200 } from './1764600000200-trials';
import { AgreementsMapsCheckIns1764641000000 } from './1764641000000-agreements-maps-check-ins';
import { Feedback1764641000100 } from './1764641000100-feedback';
import { MentorLoad1764700300450 } from './1764700300450-mentor-load';
import { MatchEndings1764912000000 } from './1764912000000-match-endings';
import { CohortSurveyInvitations1765100000000 } from './1765100000000-cohort-survey-invitations';

export const mentorshipsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [
    Matches1764600000000,
    MatchTimeline1764600000100,
    Trials1764600000200,
    AgreementsMapsCheckIns1764641000000,
    Feedback1764641000100,
    MentorLoad1764700300450,
    MatchEndings1764912000000,
    CohortSurveyInvitations1765100000000,
  ],
};
