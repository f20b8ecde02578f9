import type { ContextMigrations } from '@mentorship/platform';
import { Programs1764500000100 } from './1764500000100-programs';
import { Participants1764500000200 } from './1764500000200-participants';
import { ParticipantImports1764500000300 } from './1764500000300-participant-imports';
import { RosterSortName1764620000000 } from './1764620000000-roster-sort-name';
import { MentorPlaces1764700300400 } from './1764700300400-mentor-places';
import { RosterSkills1764920000000 } from './1764920000000-roster-skills';
import { RosterCounts1765200000000 } from './1765200000000-roster-counts';

export const programsMigrations: ContextMigrations = {
  directory: __dirname,
  classes: [
    Programs1764500000100,
    Participants1764500000200,
    ParticipantImports1764500000300,
    RosterSortName1764620000000,
    MentorPlaces1764700300400,
    RosterSkills1764920000000,
    RosterCounts1765200000000,
  ],
};
