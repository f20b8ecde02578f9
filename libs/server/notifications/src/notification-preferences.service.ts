import { Injectable } from '@nestjs/common';
import { TenancyService, TenantContext } from '@mentorship/platform';
import type {
  NotificationPreferencesDto,
  UnsubscribeViewDto,
  UpdateNotificationPreferencesDto,
} from './dto/notification.dto';
import { NotificationsException } from './notifications.exception';
import { NotificationsService } from './notifications.service';
import {
  NotificationDigestRepository,
  NotificationPreferenceRepository,
} from './repositories/notification-preference.repository';
import { UnsubscribeTokens } from './unsubscribe-tokens.service';

/** Members' choices per kind and channel, and the unsubscribe link that needs no sign-in. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly preferences: NotificationPreferenceRepository,
    private readonly digests: NotificationDigestRepository,
    private readonly tenancy: TenancyService,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  async mine(): Promise<NotificationPreferencesDto> {
    const me = TenantContext.caller().userId;
    const stored = await this.preferences.of(me);
    return {
      dailyDigest: await this.digests.dailyDigest(me),
      kinds: this.notifications.allKinds().map((kind) => ({
        kind: kind.id,
        label: kind.label,
        description: kind.description,
        timing: kind.timing,
        perProgram: kind.perProgram ?? false,
        ...(stored.get(kind.id) ?? { inApp: true, email: true }),
      })),
    };
  }

  /** All or nothing: an unknown kind anywhere refuses the whole update, naming its field. */
  async update(input: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    const kinds = input.kinds ?? [];
    kinds.forEach((choice, index) => {
      if (!this.notifications.kind(choice.kind))
        throw NotificationsException.unknownKind(`kinds[${index}].kind`, choice.kind);
    });
    const me = TenantContext.caller().userId;
    for (const choice of kinds)
      await this.preferences.set(me, choice.kind, { inApp: choice.inApp, email: choice.email });
    if (input.dailyDigest !== undefined) await this.digests.set(me, input.dailyDigest);
    return this.mine();
  }

  /** What the link would turn off (the page shows it before the member confirms). */
  describe(token: string): Promise<UnsubscribeViewDto> {
    return this.withGrant(token, async (grant, kindLabel) => ({
      kind: grant.kind,
      label: kindLabel,
      email: (await this.preferences.choiceFor(grant.userId, grant.kind)).email,
    }));
  }

  /** Turns the link's kind of email off for its member; doing it twice changes nothing. */
  unsubscribe(token: string): Promise<UnsubscribeViewDto> {
    return this.withGrant(token, async (grant, kindLabel) => {
      await this.preferences.emailOff(grant.userId, grant.kind);
      return { kind: grant.kind, label: kindLabel, email: false };
    });
  }

  private withGrant<T>(
    token: string,
    work: (grant: { organizationId: string; userId: string; kind: string }, kindLabel: string) => Promise<T>,
  ): Promise<T> {
    const grant = this.tokens.verify(token);
    const kind = grant && this.notifications.kind(grant.kind);
    if (!grant || !kind) throw NotificationsException.invalidUnsubscribeLink();
    // The link acts for its member in their organization, and for nothing else.
    return this.tenancy.runInTenant(grant.organizationId, () => work(grant, kind.label), {
      userId: grant.userId,
      email: '',
      roles: [],
    });
  }
}
