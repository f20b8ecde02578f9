import { Injectable } from '@nestjs/common';
import type { AgreementTermsViewDto } from '@mentorship/programs';
import { TenantRepository } from '@mentorship/platform';
import { AgreementEntity } from '../entities/agreement.entity';

/** A version both sides signed. */
export interface SignedAgreementVersion {
  version: number;
  terms: AgreementTermsViewDto;
  menteeSignedAt: Date;
  mentorSignedAt: Date;
}

/** Agreements and their signed versions. */
@Injectable()
export class AgreementRepository extends TenantRepository<AgreementEntity> {
  constructor() {
    super(AgreementEntity);
  }

  ofMatch(matchId: string): Promise<AgreementEntity | null> {
    return this.findOne({ matchId });
  }

  lockOfMatch(matchId: string): Promise<AgreementEntity | null> {
    return this.findOneForUpdate({ matchId });
  }

  /** False when the match has one already (a drafting step run twice changes nothing). */
  add(agreement: Omit<AgreementEntity, 'organizationId'>): Promise<boolean> {
    return this.insertUnlessDuplicate(agreement);
  }

  async change(matchId: string, patch: Partial<Omit<AgreementEntity, 'organizationId' | 'matchId'>>) {
    await this.update({ matchId }, patch);
  }

  async keepSigned(matchId: string, signed: SignedAgreementVersion): Promise<void> {
    await this.sql(
      `INSERT INTO agreement_versions (organization_id, match_id, version, terms, mentee_signed_at, mentor_signed_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [matchId, signed.version, JSON.stringify(signed.terms), signed.menteeSignedAt, signed.mentorSignedAt],
    );
  }

  signedVersions(matchId: string): Promise<SignedAgreementVersion[]> {
    return this.sql<SignedAgreementVersion>(
      `SELECT version, terms, mentee_signed_at AS "menteeSignedAt", mentor_signed_at AS "mentorSignedAt"
         FROM agreement_versions WHERE organization_id = $1 AND match_id = $2 ORDER BY version DESC`,
      [matchId],
    );
  }

  /** The cohort's agreement template and check-in cadence (its snapshot, else its program's). */
  async templateOf(
    cohortId: string,
  ): Promise<{ template: AgreementTermsViewDto | null; cadence: string | null }> {
    const [row] = await this.sql<{ template: AgreementTermsViewDto | null; cadence: string | null }>(
      `SELECT coalesce(c.settings_snapshot, p.settings)->'agreementTemplate' AS template,
              coalesce(c.settings_snapshot, p.settings)->>'checkInCadence' AS cadence
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    const template = row?.template && typeof row.template === 'object' ? row.template : null;
    return { template, cadence: row?.cadence ?? null };
  }
}
