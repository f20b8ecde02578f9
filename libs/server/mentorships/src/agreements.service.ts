import { Injectable } from '@nestjs/common';
import { NotificationsService } from '@mentorship/notifications';
import { ProfilesService } from '@mentorship/people';
import { AuditService } from '@mentorship/audit';
import { Clock, TenantContext } from '@mentorship/platform';
import { completeAgreementTerms } from '@mentorship/programs';
import type {
  AgreementViewDto,
  EditAgreementDto,
  SignedAgreementVersionsDto,
  SignAgreementDto,
} from './dto/agreement.dto';
import type { AgreementEntity } from './entities/agreement.entity';
import type { MatchEntity } from './entities/match.entity';
import { MatchAccessService, requireStatus } from './match-access.service';
import { MentorshipsAudit } from './mentorships.audit';
import { PAIR_SIDES, reachableSides, MentorshipsNotifications } from './mentorships.notifications';
import { MentorshipsException } from './mentorships.exception';
import { AgreementRepository } from './repositories/agreement.repository';

const CADENCE_WORDS: Record<string, string> = {
  weekly: 'Every week',
  biweekly: 'Every other week',
  monthly: 'Every month',
};

/**
 * The agreement of a match (issue 9.3): drafted from the program's template when the trial ends
 * well, edited by either side or a coordinator, signed by both people. An edit makes a new
 * version and clears both signatures; every version both signed is kept.
 */
@Injectable()
export class AgreementsService {
  constructor(
    private readonly access: MatchAccessService,
    private readonly agreements: AgreementRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly profiles: ProfilesService,
  ) {}

  /** Drafts the agreement of a match that just became active (once: a second draft changes nothing). */
  async draft(match: MatchEntity): Promise<void> {
    const { template, cadence } = await this.agreements.templateOf(match.cohortId);
    const terms = completeAgreementTerms(template ?? {});
    if (!terms.meetingCadence && cadence) terms.meetingCadence = CADENCE_WORDS[cadence] ?? cadence;
    const at = this.clock.now();
    const added = await this.agreements.add({
      matchId: match.id,
      version: 1,
      terms,
      menteeSignedAt: null,
      mentorSignedAt: null,
      updatedBy: null,
      updatedAt: at,
      createdAt: at,
    });
    if (!added) return;
    await this.remindToSign(match, 1);
    await this.audit.record({
      action: MentorshipsAudit.agreementDrafted,
      target: { type: 'match', id: match.id },
      details: { version: 1, fromTemplate: template !== null },
    });
  }

  async get(matchId: string): Promise<AgreementViewDto> {
    await this.access.see(matchId);
    const agreement = await this.agreements.ofMatch(matchId);
    if (!agreement) throw MentorshipsException.agreementNotFound();
    return toView(agreement);
  }

  /** A new version of the terms (the first, for an active match drafted before agreements existed). */
  async edit(matchId: string, input: EditAgreementDto): Promise<AgreementViewDto> {
    const { match, caller } = await this.access.see(matchId, { lock: true });
    requireStatus(match, ['active']);
    const current = await this.agreements.lockOfMatch(matchId);
    if (current && input.version !== current.version)
      throw MentorshipsException.agreementVersionStale(current.version);
    const at = this.clock.now();
    const terms = completeAgreementTerms(input.terms);
    const next: Omit<AgreementEntity, 'organizationId'> = {
      matchId,
      version: (current?.version ?? 0) + 1,
      terms,
      menteeSignedAt: null,
      mentorSignedAt: null,
      updatedBy: caller.userId,
      updatedAt: at,
      createdAt: current?.createdAt ?? at,
    };
    if (current) {
      const { matchId: _id, createdAt: _created, ...patch } = next;
      await this.agreements.change(matchId, patch);
    } else await this.agreements.add(next);
    if (current)
      for (const side of PAIR_SIDES)
        await this.notifications.withdraw(SIGN, signKey(matchId, current.version, side));
    await this.remindToSign(match, next.version);
    await this.audit.record({
      action: MentorshipsAudit.agreementEdited,
      target: { type: 'match', id: matchId },
      details: {
        version: next.version,
        signaturesCleared: Boolean(current?.menteeSignedAt || current?.mentorSignedAt),
      },
    });
    return toView({ organizationId: '', ...next });
  }

  /** The caller signs the version they read, as the mentee or the mentor. */
  async sign(matchId: string, input: SignAgreementDto): Promise<AgreementViewDto> {
    const { side } = await this.access.asSide(matchId, ['active']);
    const current = await this.agreements.lockOfMatch(matchId);
    if (!current) throw MentorshipsException.agreementNotFound();
    if (input.version !== current.version) throw MentorshipsException.agreementVersionStale(current.version);
    const field = side === 'mentee' ? 'menteeSignedAt' : 'mentorSignedAt';
    if (current[field]) throw MentorshipsException.agreementAlreadySigned();
    const signed = { ...current, [field]: this.clock.now() };
    await this.agreements.change(matchId, { [field]: signed[field] });
    await this.notifications.withdraw(SIGN, signKey(matchId, current.version, side));
    const { menteeSignedAt, mentorSignedAt } = signed;
    const both = menteeSignedAt !== null && mentorSignedAt !== null;
    // The second signature keeps this version as both signed it.
    if (both)
      await this.agreements.keepSigned(matchId, {
        version: signed.version,
        terms: signed.terms,
        menteeSignedAt,
        mentorSignedAt,
      });
    await this.audit.record({
      action: MentorshipsAudit.agreementSigned,
      target: { type: 'match', id: matchId },
      details: { version: signed.version, side, signed: both },
    });
    return toView(signed);
  }

  /**
   * Each side is reminded to sign a version a few days after it was made, on a working morning;
   * a signature takes back that side's reminder, a newer version those of the older one.
   */
  private async remindToSign(match: MatchEntity, version: number): Promise<void> {
    const contacts = await this.profiles.contactsOf([match.menteeUserId, match.mentorUserId]);
    const due = new Date(this.clock.now().getTime() + SIGN_REMINDER_AFTER_MS);
    for (const { side, recipient, otherName } of reachableSides(match, contacts)) {
      await this.notifications.notify({
        kind: SIGN,
        recipient,
        key: signKey(match.id, version, side),
        title: `Your agreement with ${otherName} is waiting for your signature`,
        body: `Version ${version} of your mentoring agreement with ${otherName} is not signed by you yet. Read it, change what does not fit, and sign it: it is what you both agreed to work on.`,
        link: `/orgs/${TenantContext.organizationId()}/matches/${match.id}`,
        subject: { type: 'match', id: match.id },
        due,
      });
    }
  }

  async signedVersions(matchId: string): Promise<SignedAgreementVersionsDto> {
    await this.access.see(matchId);
    const versions = await this.agreements.signedVersions(matchId);
    return {
      items: versions.map((v) => ({
        version: v.version,
        terms: v.terms,
        menteeSignedAt: v.menteeSignedAt.toISOString(),
        mentorSignedAt: v.mentorSignedAt.toISOString(),
      })),
    };
  }
}

function toView(agreement: AgreementEntity): AgreementViewDto {
  return {
    matchId: agreement.matchId,
    version: agreement.version,
    terms: completeAgreementTerms(agreement.terms),
    signatures: {
      mentee: agreement.menteeSignedAt?.toISOString() ?? null,
      mentor: agreement.mentorSignedAt?.toISOString() ?? null,
    },
    signed: agreement.menteeSignedAt !== null && agreement.mentorSignedAt !== null,
    updatedBy: agreement.updatedBy,
    updatedAt: agreement.updatedAt.toISOString(),
  };
}

const SIGN = MentorshipsNotifications.agreementSignatureWaiting;
/** How long a new version may wait for a side's signature before they are reminded. */
const SIGN_REMINDER_AFTER_MS = 3 * 24 * 3600 * 1000;
const signKey = (matchId: string, version: number, side: 'mentee' | 'mentor') =>
  `${matchId}:v${version}:${side}`;
