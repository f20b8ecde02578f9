import { Injectable } from '@nestjs/common';
import { TenantRepository } from '@mentorship/platform';
import { PulseAnswerEntity } from '../entities/pulse-answer.entity';

export interface OutcomeRow {
  side: 'mentee' | 'mentor';
  skillsGained: string[];
  projectCompleted: boolean;
  careerStep: boolean;
  networkGrown: boolean;
  reportedAt: Date;
}

/** A cohort's feedback, counted: nothing in it names a person or a match. */
export interface CohortFeedbackRows {
  pulses: { period: number; answers: number; averageRating: number | null }[];
  recommend: { promoters: number; passives: number; detractors: number };
  outcomes: {
    reports: number;
    skillsGained: number;
    projectCompleted: number;
    careerStep: number;
    networkGrown: number;
  };
  comments: string[];
}

/** Pulses, success measures and the end-of-cohort survey. */
@Injectable()
export class FeedbackRepository extends TenantRepository<PulseAnswerEntity> {
  constructor() {
    super(PulseAnswerEntity);
  }

  /** False when the side answered this period already. */
  addPulse(answer: Omit<PulseAnswerEntity, 'organizationId'>): Promise<boolean> {
    return this.insertUnlessDuplicate(answer);
  }

  pulsesOf(matchId: string, side: 'mentee' | 'mentor'): Promise<PulseAnswerEntity[]> {
    return this.find({ matchId, side }, { order: { period: 'DESC' } });
  }

  pulsesOfPeriod(matchId: string, period: number): Promise<PulseAnswerEntity[]> {
    return this.find({ matchId, period });
  }

  /** The program's pulse interval for the cohort (snapshot, else program), and its private-notes rule. */
  async rulesOf(
    cohortId: string,
  ): Promise<{ intervalDays: number; commentsToCoordinators: boolean; status: string | null }> {
    const [row] = await this.sql<{ interval: number | null; comments: boolean | null; status: string }>(
      `SELECT (coalesce(c.settings_snapshot, p.settings)->>'pulseIntervalDays')::int AS interval,
              (coalesce(c.settings_snapshot, p.settings)->>'privateNotesToCoordinators')::boolean AS comments,
              c.status
         FROM cohorts c JOIN programs p ON p.organization_id = c.organization_id AND p.id = c.program_id
        WHERE c.organization_id = $1 AND c.id = $2`,
      [cohortId],
    );
    return {
      intervalDays: row?.interval ?? 30,
      commentsToCoordinators: row?.comments ?? false,
      status: row?.status ?? null,
    };
  }

  async saveOutcome(matchId: string, outcome: OutcomeRow, reportedBy: string): Promise<void> {
    await this.sql(
      `INSERT INTO match_outcomes (organization_id, match_id, side, skills_gained, project_completed, career_step,
                                   network_grown, reported_by, reported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (organization_id, match_id, side) DO UPDATE SET
         skills_gained = EXCLUDED.skills_gained, project_completed = EXCLUDED.project_completed,
         career_step = EXCLUDED.career_step, network_grown = EXCLUDED.network_grown,
         reported_by = EXCLUDED.reported_by, reported_at = EXCLUDED.reported_at`,
      [
        matchId,
        outcome.side,
        JSON.stringify(outcome.skillsGained),
        outcome.projectCompleted,
        outcome.careerStep,
        outcome.networkGrown,
        reportedBy,
        outcome.reportedAt,
      ],
    );
  }

  async outcomeOf(matchId: string, side: 'mentee' | 'mentor'): Promise<OutcomeRow | null> {
    const [row] = await this.sql<OutcomeRow>(
      `SELECT side, skills_gained AS "skillsGained", project_completed AS "projectCompleted",
              career_step AS "careerStep", network_grown AS "networkGrown", reported_at AS "reportedAt"
         FROM match_outcomes WHERE organization_id = $1 AND match_id = $2 AND side = $3`,
      [matchId, side],
    );
    return row ?? null;
  }

  /** Whether the person has an enrolled place in the cohort. */
  async isEnrolled(cohortId: string, userId: string): Promise<boolean> {
    const rows = await this.sql(
      `SELECT 1 FROM cohort_participants
        WHERE organization_id = $1 AND cohort_id = $2 AND user_id = $3 AND status = 'enrolled'`,
      [cohortId, userId],
    );
    return rows.length > 0;
  }

  /** The cohort's enrolled mentors and mentees, the people its end-of-cohort survey asks. */
  async enrolledUserIds(cohortId: string): Promise<string[]> {
    const rows = await this.sql<{ userId: string }>(
      `SELECT DISTINCT user_id AS "userId" FROM cohort_participants
        WHERE organization_id = $1 AND cohort_id = $2 AND status = 'enrolled' ORDER BY 1`,
      [cohortId],
    );
    return rows.map((row) => row.userId);
  }

  /** Records that the cohort's participants are invited to its survey; false when they were already. */
  async markSurveyInvited(cohortId: string, at: Date): Promise<boolean> {
    const rows = await this.sql(
      `INSERT INTO cohort_survey_invitations (organization_id, cohort_id, invited_at)
       VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING cohort_id`,
      [cohortId, at],
    );
    return rows.length > 0;
  }

  /** The person's end-of-cohort answer, if they gave one. */
  async surveyAnswerOf(
    cohortId: string,
    userId: string,
  ): Promise<{ recommend: number; comment: string | null; answeredAt: Date } | null> {
    const [row] = await this.sql<{ recommend: number; comment: string | null; answeredAt: Date }>(
      `SELECT recommend, comment, answered_at AS "answeredAt" FROM cohort_survey_answers
        WHERE organization_id = $1 AND cohort_id = $2 AND user_id = $3`,
      [cohortId, userId],
    );
    return row ?? null;
  }

  /** False when the person answered already. */
  async addSurvey(answer: {
    cohortId: string;
    userId: string;
    recommend: number;
    comment: string | null;
    at: Date;
  }) {
    const rows = await this.sql(
      `INSERT INTO cohort_survey_answers (organization_id, cohort_id, user_id, recommend, comment, answered_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING user_id`,
      [answer.cohortId, answer.userId, answer.recommend, answer.comment, answer.at],
    );
    return rows.length > 0;
  }

  /** The cohort's feedback in aggregate; comments only when `withComments`. */
  async cohortFeedback(cohortId: string, withComments: boolean): Promise<CohortFeedbackRows> {
    const pulses = await this.sql<{ period: number; answers: number; averageRating: number | null }>(
      `SELECT a.period, count(*)::int AS answers, round(avg(a.rating), 2)::float AS "averageRating"
         FROM pulse_answers a JOIN matches m ON m.organization_id = a.organization_id AND m.id = a.match_id
        WHERE a.organization_id = $1 AND m.cohort_id = $2
        GROUP BY a.period ORDER BY a.period`,
      [cohortId],
    );
    const [recommend] = await this.sql<CohortFeedbackRows['recommend']>(
      `SELECT count(*) FILTER (WHERE recommend >= 9)::int AS promoters,
              count(*) FILTER (WHERE recommend BETWEEN 7 AND 8)::int AS passives,
              count(*) FILTER (WHERE recommend <= 6)::int AS detractors
         FROM cohort_survey_answers WHERE organization_id = $1 AND cohort_id = $2`,
      [cohortId],
    );
    const [outcomes] = await this.sql<CohortFeedbackRows['outcomes']>(
      `SELECT count(*)::int AS reports,
              count(*) FILTER (WHERE jsonb_array_length(o.skills_gained) > 0)::int AS "skillsGained",
              count(*) FILTER (WHERE o.project_completed)::int AS "projectCompleted",
              count(*) FILTER (WHERE o.career_step)::int AS "careerStep",
              count(*) FILTER (WHERE o.network_grown)::int AS "networkGrown"
         FROM match_outcomes o JOIN matches m ON m.organization_id = o.organization_id AND m.id = o.match_id
        WHERE o.organization_id = $1 AND m.cohort_id = $2`,
      [cohortId],
    );
    const comments = withComments
      ? (
          await this.sql<{ comment: string }>(
            `SELECT comment FROM (
               SELECT a.comment, a.answered_at AS at FROM pulse_answers a
                 JOIN matches m ON m.organization_id = a.organization_id AND m.id = a.match_id
                WHERE a.organization_id = $1 AND m.cohort_id = $2 AND a.comment IS NOT NULL
               UNION ALL
               SELECT comment, answered_at FROM cohort_survey_answers
                WHERE organization_id = $1 AND cohort_id = $2 AND comment IS NOT NULL) c
             ORDER BY at, comment`,
            [cohortId],
          )
        ).map((row) => row.comment)
      : [];
    return {
      pulses,
      recommend: recommend ?? { promoters: 0, passives: 0, detractors: 0 },
      outcomes: outcomes ?? {
        reports: 0,
        skillsGained: 0,
        projectCompleted: 0,
        careerStep: 0,
        networkGrown: 0,
      },
      comments,
    };
  }
}
