import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The log of schedule ticks run (`schedule_runs`), written before each tick's handler runs. */
@Injectable()
export class ScheduleRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  async record(schedule: string, tickAt: Date, attempt: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO schedule_runs (schedule, tick_at, attempt) VALUES ($1, $2, $3)`,
      [schedule, tickAt, attempt],
    );
  }
}
