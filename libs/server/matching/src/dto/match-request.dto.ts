import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECLINE_REASONS,
  FIELD_LIMITS,
  MATCH_REQUEST_STATUSES,
  type DeclineReason,
  type MatchRequestStatus,
} from '@mentorship/contracts';
import { lengthOf, trimmed } from '@mentorship/people';
import { IsTrimmedText, Omittable, PageOf, PageQueryDto } from '@mentorship/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

/**
 * A structured match request: the outreach practice mentees are taught. Each part says why it
 * is asked (the form shows it), and each has a length limit so that a request stays readable.
 */
export class SendMatchRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The mentor asked: an enrolled mentor of the cohort.' })
  @IsUUID()
  mentorUserId!: string;

  @ApiProperty({
    ...lengthOf(FIELD_LIMITS.matchRequestSubject),
    example: '30 minutes on system design interviews, in the next two weeks?',
    description:
      'A subject with a time-bounded ask. Why: a mentor decides from the subject line whether and when they can help; a bounded ask is easy to say yes to.',
  })
  @IsTrimmedText(FIELD_LIMITS.matchRequestSubject)
  subject!: string;

  @ApiProperty({
    ...lengthOf(FIELD_LIMITS.matchRequestHowFound),
    example: 'Your talk on API design at the engineering all-hands',
    description:
      'How I found you. Why: it shows the request is meant for this mentor and not sent to everyone.',
  })
  @IsTrimmedText(FIELD_LIMITS.matchRequestHowFound)
  howFound!: string;

  @ApiProperty({
    ...lengthOf(FIELD_LIMITS.matchRequestWantToLearn),
    description:
      'What I want to learn. Why: the mentor can judge whether it is their area, and the first conversation starts from it.',
  })
  @IsTrimmedText(FIELD_LIMITS.matchRequestWantToLearn)
  wantToLearn!: string;

  @ApiProperty({
    ...lengthOf(FIELD_LIMITS.matchRequestSpecificAsk),
    example: 'A first conversation of 20 minutes about how you prepare design reviews.',
    description:
      'The specific ask: a first conversation of 15–30 minutes. Why: a small, concrete first step is what busy mentors accept.',
  })
  @IsTrimmedText(FIELD_LIMITS.matchRequestSpecificAsk)
  specificAsk!: string;

  @ApiProperty({
    ...lengthOf(FIELD_LIMITS.matchRequestOfferBack),
    example: 'I can share what our team learned moving to TypeScript.',
    description:
      'What I offer back. Why: mentoring goes both ways; saying what you bring makes the request a conversation between peers.',
  })
  @IsTrimmedText(FIELD_LIMITS.matchRequestOfferBack)
  offerBack!: string;
}

export class DeclineMatchRequestDto {
  @ApiProperty({
    enum: DECLINE_REASONS,
    description: 'Why the mentor declines (the mentee reads it): too-busy, not-my-area or other.',
  })
  @IsIn(DECLINE_REASONS)
  reason!: DeclineReason;

  @ApiPropertyOptional({
    ...lengthOf(FIELD_LIMITS.matchRequestDeclineNote),
    description: 'A word to the mentee.',
  })
  @Omittable()
  @Transform(trimmed)
  @IsString()
  @MaxLength(FIELD_LIMITS.matchRequestDeclineNote.max)
  note?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Another enrolled mentor of the cohort the mentee could ask instead.',
  })
  @Omittable()
  @IsUUID()
  suggestedMentorUserId?: string;
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;
  @ApiProperty()
  displayName!: string;
}

export class MatchRequestViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty()
  cohortName!: string;
  @ApiProperty({ enum: MATCH_REQUEST_STATUSES })
  status!: MatchRequestStatus;
  @ApiProperty({ type: PersonRefDto })
  mentee!: PersonRefDto;
  @ApiProperty({ type: PersonRefDto })
  mentor!: PersonRefDto;
  @ApiProperty()
  subject!: string;
  @ApiProperty()
  howFound!: string;
  @ApiProperty()
  wantToLearn!: string;
  @ApiProperty()
  specificAsk!: string;
  @ApiProperty()
  offerBack!: string;
  @ApiProperty({ enum: DECLINE_REASONS, nullable: true })
  declineReason!: DeclineReason | null;
  @ApiProperty({ type: String, nullable: true })
  declineNote!: string | null;
  @ApiProperty({
    type: PersonRefDto,
    nullable: true,
    description: 'The mentor a declining mentor suggested.',
  })
  suggestedMentor!: PersonRefDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The match an accept created.' })
  matchId!: string | null;
  @ApiProperty({ format: 'date-time', description: 'An open request expires then, unanswered.' })
  expiresAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt!: string | null;
  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class MatchRequestPageDto extends PageOf(MatchRequestViewDto) {}

/** How many other mentors a mentor's places list to suggest instead (a select, not a directory). */
export const OTHER_MENTORS_LIMIT = 50;

/** A mentor's places in one cohort they mentor: what they can still accept. */
export class MentorPlacesDto {
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;
  @ApiProperty()
  cohortName!: string;
  @ApiProperty({
    description:
      'Mentee places the mentor offers: their capacity, else the program’s default; none while paused.',
  })
  places!: number;
  @ApiProperty({ description: 'Places not held by a match (pending, trial or active, in any cohort).' })
  freePlaces!: number;
  @ApiProperty({
    type: PersonRefDto,
    isArray: true,
    description: `Other enrolled mentors of the cohort with a free place, by name (at most ${OTHER_MENTORS_LIMIT}): whom a declining mentor may suggest.`,
  })
  otherMentors!: PersonRefDto[];
}

export class ReceivedMatchRequestPageDto extends MatchRequestPageDto {
  @ApiProperty({
    type: MentorPlacesDto,
    isArray: true,
    description:
      'The caller’s places in each cohort they are an enrolled mentor of while it is matching or running (not paginated: a mentor is in few cohorts at once).',
  })
  places!: MentorPlacesDto[];
}

export class MatchRequestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MATCH_REQUEST_STATUSES })
  @IsOptional()
  @IsIn(MATCH_REQUEST_STATUSES)
  status?: MatchRequestStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}
