import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { NotificationPreferenceEntity } from '../entities/notification-preference.entity';

export interface ChannelChoice {
  inApp: boolean;
  email: boolean;
}

@Injectable()
export class NotificationPreferenceRepository extends TenantRepository<NotificationPreferenceEntity> {
  constructor() {
    super(NotificationPreferenceEntity);
  }

  /** The member's stored choices by kind; kinds without a row are on in both channels. */
  async of(userId: string): Promise<Map<string, ChannelChoice>> {
    const rows = await this.find({ userId });
    return new Map(rows.map((row) => [row.kind, { inApp: row.inApp, email: row.email }]));
  }

  async choiceFor(userId: string, kind: string): Promise<ChannelChoice> {
    const row = await this.findOne({ userId, kind });
    return row ? { inApp: row.inApp, email: row.email } : { inApp: true, email: true };
  }

  async set(userId: string, kind: string, choice: ChannelChoice): Promise<void> {
    await this.sql(
      `INSERT INTO notification_preferences (organization_id, user_id, kind, in_app, email)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organization_id, user_id, kind)
       DO UPDATE SET in_app = EXCLUDED.in_app, email = EXCLUDED.email, updated_at = now()`,
      [userId, kind, choice.inApp, choice.email],
    );
  }

  /**
   * Turns one kind's email off, keeping its in-app choice (the unsubscribe link). Someone who
   * left the organization since has no choices to keep, and gets no email from it anyway.
   */
  async emailOff(userId: string, kind: string): Promise<void> {
    await this.sql(
      `INSERT INTO notification_preferences (organization_id, user_id, kind, in_app, email)
       SELECT $1, $2, $3, true, false
        WHERE EXISTS (SELECT 1 FROM memberships m WHERE m.organization_id = $1 AND m.user_id = $2)
       ON CONFLICT (organization_id, user_id, kind) DO UPDATE SET email = false, updated_at = now()`,
      [userId, kind],
    );
  }
}
