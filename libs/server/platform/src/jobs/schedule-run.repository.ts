import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How long the log of a schedule's ticks is kept. */
const KEPT_FOR = '7 days';

/**
 * The log of schedule ticks run (`schedule_runs`), written before each tick's handler runs;
 * each write also drops that schedule's entries older than a week, so a schedule that ticks
 * every minute keeps about ten thousand rows, not every tick ever.
 */
@Injectable()
export class ScheduleRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(schedule: string, tickAt: Date, attempt: number): Promise<void> {
    await this.dataSource.query(
      `WITH expired AS (
         DELETE FROM schedule_runs WHERE schedule = $1 AND tick_at < $2::timestamptz - interval '${KEPT_FOR}')
       INSERT INTO schedule_runs (schedule, tick_at, attempt) VALUES ($1, $2, $3)`,
      [schedule, tickAt, attempt],
    );
  }
}
