import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { RoundProposalEntity } from '../entities/round-proposal.entity';
import type { SolvedProposal } from '../round-solver.service';

/** A proposal as the review table shows it: the pair, both names, the score and why. */
export interface ProposalRow extends SolvedProposal {
  menteeName: string;
  mentorName: string;
}

export interface ProposalFilter {
  mentorUserId?: string;
  menteeUserId?: string;
  fixed?: boolean;
  /** Part of either side's name or email address. */
  search?: string;
  minScore?: number;
  maxScore?: number;
  offset: number;
  limit: number;
}

@Injectable()
export class RoundProposalRepository extends TenantRepository<RoundProposalEntity> {
  constructor() {
    super(RoundProposalEntity);
  }

  /**
   * The round's proposals become exactly `proposals`, in the caller's transaction: with the
   * round's results in the same transaction, a save is all or nothing, and saving twice still
   * leaves one set (the key is the round and the mentee).
   */
  async replace(roundId: string, proposals: readonly SolvedProposal[]): Promise<void> {
    await this.sql(`DELETE FROM round_proposals WHERE organization_id = $1 AND round_id = $2`, [roundId]);
    for (let at = 0; at < proposals.length; at += 1000) {
      const chunk = proposals.slice(at, at + 1000);
      await this.sql(
        `INSERT INTO round_proposals (organization_id, round_id, mentee_user_id, mentor_user_id, score, fixed, group_number, components)
         SELECT $1, $2, p.mentee, p.mentor, p.score, p.fixed, p.grp, p.components
           FROM unnest($3::uuid[], $4::uuid[], $5::numeric[], $6::boolean[], $7::smallint[], $8::jsonb[])
                AS p(mentee, mentor, score, fixed, grp, components)`,
        [
          roundId,
          chunk.map((p) => p.menteeUserId),
          chunk.map((p) => p.mentorUserId),
          chunk.map((p) => p.score),
          chunk.map((p) => p.fixed),
          chunk.map((p) => p.groupNumber),
          chunk.map((p) => JSON.stringify(p.components)),
        ],
      );
    }
  }

  /** Every proposal of the round (pairs and scores): the diff's and the publication's input. */
  all(roundId: string): Promise<RoundProposalEntity[]> {
    return this.find({ roundId }, { order: { menteeUserId: 'ASC' } });
  }

  async count(roundId: string): Promise<number> {
    const [row] = await this.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM round_proposals WHERE organization_id = $1 AND round_id = $2`,
      [roundId],
    );
    return row?.n ?? 0;
  }

  /** One page of the review table, best score first; names from the members' accounts. */
  async page(roundId: string, filter: ProposalFilter): Promise<{ rows: ProposalRow[]; total: number }> {
    const where = `FROM round_proposals rp
        JOIN users te ON te.id = rp.mentee_user_id
        JOIN users tr ON tr.id = rp.mentor_user_id
       WHERE rp.organization_id = $1 AND rp.round_id = $2
         AND ($3::uuid IS NULL OR rp.mentor_user_id = $3)
         AND ($4::uuid IS NULL OR rp.mentee_user_id = $4)
         AND ($5::boolean IS NULL OR rp.fixed = $5)
         AND ($6::text IS NULL OR concat_ws(' ', te.display_name, te.email, tr.display_name, tr.email) ILIKE $6)
         AND ($7::numeric IS NULL OR rp.score >= $7)
         AND ($8::numeric IS NULL OR rp.score <= $8)`;
    const parameters = [
      roundId,
      filter.mentorUserId ?? null,
      filter.menteeUserId ?? null,
      filter.fixed ?? null,
      filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
      filter.minScore ?? null,
      filter.maxScore ?? null,
    ];
    const rows = await this.sql<ProposalRow>(
      `SELECT rp.mentee_user_id AS "menteeUserId", rp.mentor_user_id AS "mentorUserId",
              coalesce(te.display_name, te.email) AS "menteeName", coalesce(tr.display_name, tr.email) AS "mentorName",
              rp.score::float8 AS score, rp.fixed, rp.group_number AS "groupNumber", rp.components
         ${where}
        ORDER BY rp.score DESC, rp.mentee_user_id OFFSET $9 LIMIT $10`,
      [...parameters, filter.offset, filter.limit],
    );
    const [count] = await this.sql<{ n: number }>(`SELECT count(*)::int AS n ${where}`, parameters);
    return { rows, total: count?.n ?? 0 };
  }
}
