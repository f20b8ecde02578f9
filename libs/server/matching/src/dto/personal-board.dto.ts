import { ApiProperty } from '@nestjs/swagger';
import { MATCH_STATUSES, MENTOR_TYPES, type MatchStatus, type MentorType } from '@mentorship/contracts';

/** One of the mentee's current mentors (a match in trial or active), in any program. */
export class BoardMentorDto {
  @ApiProperty({ format: 'uuid' })
  matchId!: string;
  @ApiProperty({ enum: MATCH_STATUSES, description: 'trial or active.' })
  status!: MatchStatus;
  @ApiProperty({ format: 'uuid' })
  mentorUserId!: string;
  @ApiProperty()
  displayName!: string;
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty()
  cohortName!: string;
  @ApiProperty({ format: 'uuid' })
  programId!: string;
  @ApiProperty()
  programName!: string;
  @ApiProperty({
    enum: MENTOR_TYPES,
    isArray: true,
    description: 'The kinds of mentoring the mentor offers (their profile); empty when they named none.',
  })
  mentorTypes!: MentorType[];
  @ApiProperty({ format: 'date-time', description: 'When the match reached its current status.' })
  since!: string;
}

/** A mentor who could cover a missing type: free places, not paused, new to this mentee. */
export class BoardSuggestionDto {
  @ApiProperty({ format: 'uuid' })
  mentorUserId!: string;
  @ApiProperty()
  displayName!: string;
  @ApiProperty({ format: 'uuid', description: 'The cohort both are enrolled in (mentee and mentor).' })
  cohortId!: string;
  @ApiProperty()
  cohortName!: string;
  @ApiProperty({ description: 'Places the mentor has free in that cohort now (at least 1).' })
  freePlaces!: number;
}

/** One kind of mentoring on the board: who covers it, and a suggestion when nobody does. */
export class BoardTypeDto {
  @ApiProperty({ enum: MENTOR_TYPES })
  type!: MentorType;
  @ApiProperty({ description: 'The mentee wants this kind of mentoring (their profile).' })
  wanted!: boolean;
  @ApiProperty({
    type: BoardMentorDto,
    isArray: true,
    description: 'Current mentors offering this type (a mentor offering several is under each).',
  })
  mentors!: BoardMentorDto[];
  @ApiProperty({ description: 'Wanted and covered by no current mentor.' })
  missing!: boolean;
  @ApiProperty({
    type: BoardSuggestionDto,
    nullable: true,
    description:
      'For a missing type: an enrolled mentor of one of the mentee’s matching or running cohorts who offers it, has a free place, is not paused and was never matched with, declined by or declining this mentee. Null when covered or when nobody fits.',
  })
  suggestion!: BoardSuggestionDto | null;
}

/** A mentee's personal board (issue 9, point 7): their mentors across programs by mentor type. */
export class PersonalBoardDto {
  @ApiProperty({ format: 'uuid' })
  menteeUserId!: string;
  @ApiProperty()
  displayName!: string;
  @ApiProperty({ enum: MENTOR_TYPES, isArray: true, description: 'Kinds of mentoring the mentee wants.' })
  wantedTypes!: MentorType[];
  @ApiProperty({
    type: BoardTypeDto,
    isArray: true,
    description:
      'Every mentor type, in the fixed order technical, career, leadership, industry, entrepreneurial.',
  })
  types!: BoardTypeDto[];
  @ApiProperty({ enum: MENTOR_TYPES, isArray: true, description: 'Wanted types no current mentor covers.' })
  missingTypes!: MentorType[];
  @ApiProperty({
    type: BoardMentorDto,
    isArray: true,
    description: 'Every current mentor once, by name (those offering no type appear only here).',
  })
  mentors!: BoardMentorDto[];
}
