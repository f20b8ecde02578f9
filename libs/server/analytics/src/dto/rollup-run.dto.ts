import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDay } from '@mentorship/programs';
import { IsString, Length } from 'class-validator';
import type { RollupRunStatus } from '../entities/rollup-run.entity';

/** The most days one re-run (or one dashboard read) spans: two years. */
export const MAX_RANGE_DAYS = 731;

export class RollupRunInputDto {
  @ApiProperty({ format: 'date', description: 'First day to roll up again (in the organization time zone).' })
  @IsDay()
  from!: string;

  @ApiProperty({
    format: 'date',
    description: `Last day (at most today, at most ${MAX_RANGE_DAYS} days after \`from\`).`,
  })
  @IsDay()
  to!: string;
}

export class RollupRunViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  to!: string;

  @ApiProperty({ enum: ['queued', 'done'] })
  status!: RollupRunStatus;

  @ApiProperty()
  requestedAt!: Date;

  @ApiPropertyOptional({ type: Date, nullable: true })
  finishedAt!: Date | null;
}

export class AnalyticsSettingsDto {
  @ApiProperty({
    example: 'Europe/Berlin',
    description: 'IANA time zone the organization analytics days and nightly rollup follow (UTC by default).',
  })
  @IsString()
  @Length(1, 64)
  timeZone!: string;
}
