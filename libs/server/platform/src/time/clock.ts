import { Global, Injectable, Module } from '@nestjs/common';

/**
 * The one source of "now" for rules that depend on time (a trial's deadlines): services ask
 * the clock, never `new Date()`, so a test can move time forward and run a whole trial in
 * seconds without sleeping. Global, so every context shares the same clock.
 */
@Injectable()
export class Clock {
  /** Added to the real time; only a test moves it (`advance`). */
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Moves this process's time forward (tests; a deadline then comes due at once). */
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

@Global()
@Module({ providers: [Clock], exports: [Clock] })
export class ClockModule {}
