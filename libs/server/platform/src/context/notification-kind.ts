import { type DynamicModule, Global, Module } from '@nestjs/common';

/**
 * A kind of notification (a reminder or an event), declared by the context that owns its rule,
 * e.g. mentorships' "trial halfway". Members set per kind whether it reaches them in the app and
 * by email, and every email of a kind carries a link that turns that kind's email off.
 */
export interface NotificationKind {
  /** Stable, dotted: `trial.halfway`. Stored with each notification and preference. */
  readonly id: string;
  /** What a member reads in their preferences: "Trial halfway". */
  readonly label: string;
  /** One line on when it comes: "Halfway through a trial, a nudge to have your first conversations." */
  readonly description: string;
  /**
   * `morning`: a reminder, delivered at 09:00 in the recipient's time zone on a working day;
   * `now`: an event someone waits for (a request accepted), delivered at once.
   */
  readonly timing: 'morning' | 'now';
  /**
   * Sent about a program's matches or match requests: the program's coordinators may turn it off
   * for the program (`disabledNotificationKinds`). A kind about a person (a mentor's pause) is not.
   */
  readonly perProgram?: boolean;
}

export function defineNotificationKind(kind: NotificationKind): NotificationKind {
  return kind;
}

/** Every context's kinds, for the notifications context (it cannot import the others). */
export const NOTIFICATION_KINDS = Symbol('NOTIFICATION_KINDS');

/** Provides the kinds the composition root gathered; refuses two kinds with one id at boot. */
@Global()
@Module({})
export class NotificationKindsModule {
  static forRoot(kinds: readonly NotificationKind[]): DynamicModule {
    const ids = kinds.map((kind) => kind.id);
    const twice = ids.filter((id, index) => ids.indexOf(id) !== index);
    if (twice.length > 0) throw new Error(`Notification kinds declared twice: ${twice.join(', ')}`);
    return {
      module: NotificationKindsModule,
      providers: [{ provide: NOTIFICATION_KINDS, useValue: kinds }],
      exports: [NOTIFICATION_KINDS],
    };
  }
}
