import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDay } from '@mentorship/programs';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

/** The dates every chart is read for: by default the 90 days up to yesterday (the last rolled-up day). */
export class DateRangeQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'First day (default: 89 days before `to`).' })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Last day (default: yesterday in the organization time zone).',
  })
  @IsOptional()
  @IsDay()
  to?: string;
}

/** A chart's filter: a program, a cohort (of that program when both are given) and the dates. */
export class DashboardQueryDto extends DateRangeQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  programId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cohortId?: string;
}

export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export class EngagementQueryDto extends DashboardQueryDto {
  @ApiPropertyOptional({ enum: GRANULARITIES, default: 'week' })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;
}

/** The filter as it was applied (defaults filled in). */
export class AppliedFilterDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  programId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  cohortId!: string | null;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;
}

export class RetentionPointDto {
  @ApiProperty({ description: 'Days after the mentee started (0, 30, 90, 180).' })
  days!: number;

  @ApiProperty({ description: 'Mentees who started on the range days and whose horizon has passed.' })
  started!: number;

  @ApiProperty()
  retained!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'retained / started; null without mentees.' })
  rate!: number | null;
}

export class RetentionCurveDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Null for all cohorts together.',
  })
  cohortId!: string | null;

  @ApiProperty({ type: String, nullable: true })
  cohortName!: string | null;

  @ApiProperty({ type: [RetentionPointDto] })
  points!: RetentionPointDto[];
}

export class RetentionDto {
  @ApiProperty({ type: AppliedFilterDto })
  filter!: AppliedFilterDto;

  @ApiProperty({ type: RetentionCurveDto, description: 'All the filtered cohorts together.' })
  overall!: RetentionCurveDto;

  @ApiProperty({ type: [RetentionCurveDto] })
  cohorts!: RetentionCurveDto[];
}

export const FUNNEL_STAGES = ['proposed', 'accepted', 'trial', 'active', 'completed'] as const;

export class FunnelStageDto {
  @ApiProperty({ enum: FUNNEL_STAGES })
  stage!: (typeof FUNNEL_STAGES)[number];

  @ApiProperty({ description: 'Matches that reached the stage on the range days.' })
  matches!: number;
}

export class TrialCountsDto {
  @ApiProperty()
  started!: number;

  @ApiProperty()
  converted!: number;

  @ApiProperty()
  declined!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'converted / (converted + declined): of the trials decided, those that went on.',
  })
  conversionRate!: number | null;
}

export class RequestCountsDto {
  @ApiProperty()
  sent!: number;

  @ApiProperty()
  accepted!: number;

  @ApiProperty()
  declined!: number;

  @ApiProperty()
  expired!: number;
}

export class TrialFunnelDto {
  @ApiProperty({ type: AppliedFilterDto })
  filter!: AppliedFilterDto;

  @ApiProperty({ type: [FunnelStageDto] })
  stages!: FunnelStageDto[];

  @ApiProperty({ type: TrialCountsDto })
  trials!: TrialCountsDto;

  @ApiProperty({ type: RequestCountsDto })
  requests!: RequestCountsDto;
}

export class NpsDto {
  @ApiProperty()
  promoters!: number;

  @ApiProperty()
  passives!: number;

  @ApiProperty()
  detractors!: number;

  @ApiProperty({ type: Number, nullable: true, description: '% promoters - % detractors (-100..100).' })
  score!: number | null;
}

export class EngagementPointDto {
  @ApiProperty({ format: 'date', description: 'First day of the period.' })
  period!: string;

  @ApiProperty({ description: 'Matches active at the end of a day, averaged over the period days.' })
  activeMatches!: number;

  @ApiProperty()
  newMatches!: number;

  @ApiProperty()
  checkIns!: number;

  @ApiProperty({ type: Number, nullable: true })
  checkInsPerActiveMatch!: number | null;

  @ApiProperty()
  milestonesCompleted!: number;

  @ApiProperty()
  pulseAnswers!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Mean pulse rating (1-5).' })
  pulseAverage!: number | null;

  @ApiProperty({ type: NpsDto })
  nps!: NpsDto;
}

export class EngagementDto {
  @ApiProperty({ type: AppliedFilterDto })
  filter!: AppliedFilterDto;

  @ApiProperty({ enum: GRANULARITIES })
  granularity!: Granularity;

  @ApiProperty({ type: [EngagementPointDto] })
  points!: EngagementPointDto[];
}

export class UtilizationBucketDto {
  @ApiProperty({ description: 'Lowest share of places used in the bucket, in percent (0, 10, ... 100).' })
  fromPercent!: number;

  @ApiProperty({ description: 'Highest, excluded (100 for the last: all places used, or more).' })
  toPercent!: number;

  @ApiProperty()
  mentors!: number;
}

export class UtilizationDto {
  @ApiProperty({ type: AppliedFilterDto })
  filter!: AppliedFilterDto;

  @ApiProperty({ format: 'date', description: 'The day the histogram is of: the range last day.' })
  day!: string;

  @ApiProperty()
  placesOffered!: number;

  @ApiProperty()
  placesUsed!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'placesUsed / placesOffered.' })
  utilization!: number | null;

  @ApiProperty({ type: [UtilizationBucketDto] })
  buckets!: UtilizationBucketDto[];
}

export class TimeToMatchBarDto {
  @ApiProperty()
  days!: number;

  @ApiProperty()
  matches!: number;
}

export class TimeToMatchDto {
  @ApiProperty({ type: AppliedFilterDto })
  filter!: AppliedFilterDto;

  @ApiProperty({ description: 'Matches accepted on the range days.' })
  matches!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'Whole days from request or enrollment.' })
  medianDays!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p90Days!: number | null;

  @ApiProperty({ type: [TimeToMatchBarDto] })
  histogram!: TimeToMatchBarDto[];
}

export class MemberGroupDto {
  @ApiProperty({ description: 'Members who joined on the range days.' })
  members!: number;

  @ApiProperty({ description: 'Of them, still members at the horizon.' })
  stillMembers!: number;

  @ApiProperty({ type: Number, nullable: true })
  rate!: number | null;
}

export class ParticipationHorizonDto {
  @ApiProperty({ enum: [6, 12] })
  months!: number;

  @ApiProperty({
    type: MemberGroupDto,
    description: 'Took part in a mentorship (trial or active) by the horizon.',
  })
  participants!: MemberGroupDto;

  @ApiProperty({ type: MemberGroupDto })
  nonParticipants!: MemberGroupDto;
}

export class ParticipationDto {
  @ApiProperty({ format: 'date', description: 'First join day counted.' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({
    description:
      'How staying is measured: the end of the membership (a removal from the organization) is the outcome proxy.',
  })
  proxy!: string;

  @ApiProperty({ type: [ParticipationHorizonDto] })
  horizons!: ParticipationHorizonDto[];
}

export class ExitCountDto {
  @ApiProperty({ enum: ['mentee', 'mentor', 'coordinator', 'system'] })
  endedBy!: string;

  @ApiProperty()
  matches!: number;
}

export class ExitsDto {
  @ApiProperty({ type: AppliedFilterDto })
  filter!: AppliedFilterDto;

  @ApiProperty({
    type: [ExitCountDto],
    description: 'Active matches ended before completion, by who ended them.',
  })
  ended!: ExitCountDto[];

  @ApiProperty({
    type: [ExitCountDto],
    description: 'Trials declined, by who declined (system: the deadline or a no).',
  })
  trialDeclined!: ExitCountDto[];
}

export class CohortComparisonRowDto {
  @ApiProperty({ format: 'uuid' })
  cohortId!: string;

  @ApiProperty()
  cohortName!: string;

  @ApiProperty({ format: 'uuid' })
  programId!: string;

  @ApiProperty()
  programName!: string;

  @ApiProperty()
  newMatches!: number;

  @ApiProperty({ description: 'Active at the end of the range last day.' })
  activeMatches!: number;

  @ApiProperty({ type: TrialCountsDto })
  trials!: TrialCountsDto;

  @ApiProperty()
  checkIns!: number;

  @ApiProperty({ type: Number, nullable: true })
  checkInsPerActiveMatch!: number | null;

  @ApiProperty()
  milestonesCompleted!: number;

  @ApiProperty({ type: Number, nullable: true })
  pulseAverage!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  npsScore!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Retained at 90 days, of mentees started on the range days.',
  })
  retention90!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  medianDaysToMatch!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Places used / offered on the range last day.' })
  utilization!: number | null;
}

export class CohortComparisonDto {
  @ApiProperty({ type: AppliedFilterDto })
  filter!: AppliedFilterDto;

  @ApiProperty({ type: [CohortComparisonRowDto] })
  cohorts!: CohortComparisonRowDto[];
}
