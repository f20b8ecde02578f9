// The anchor of `npm run bench:http`: the same routes as the API on bare express and pg,
// sending the same statements (texts and parameters copied from what the API sends, as the
// round-trip test sees them) and answering byte-identical bodies. It checks the token the
// same way (jsonwebtoken, HS256, the same derived key as a KeyObject) and keeps the same
// pool size, but has no Nest, guards, validation pipes, security headers or logging.
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';
import { escapeLiteral, Pool, type QueryResult } from 'pg';
import { signingKeyObject } from '@mentorship/platform';

const env = process.env;
const pool = new Pool({
  connectionString: env['DATABASE_URL'],
  max: Number(env['DATABASE_POOL_SIZE'] ?? 10),
});
const key = signingKeyObject({ tokenSecret: env['TOKEN_SECRET']! }, 'access-token');

/** BEGIN with the tenant-and-membership statement, one simple query (values as escaped literals). */
const ENTRY = (orgId: string, userId: string) => `START TRANSACTION;
SELECT (SELECT json_build_object(
                'roles', (SELECT m.roles FROM memberships m
                           WHERE m.organization_id = tenant.organization_id AND m.user_id = ${escapeLiteral(userId)}),
                'scheduledForDeletion', o.deletion_scheduled_at IS NOT NULL)
              FROM organizations o WHERE o.id = tenant.organization_id) AS entry
               FROM (SELECT set_config('app.organization_id', ${escapeLiteral(orgId)}, true)::uuid AS organization_id) AS tenant`;
const USER = `SELECT id, email, display_name AS "displayName", created_at AS "createdAt" FROM users WHERE id = $1`;
const MEMBER_COLUMNS = `membership.user_id AS "userId", person.email AS email,
       person.display_name AS "displayName", membership.roles AS roles, membership.created_at AS "joinedAt"
  FROM memberships membership JOIN users person ON person.id = membership.user_id
 WHERE membership.organization_id = $1`;
const MEMBER_PAGE = `SELECT listed.*, count(*) OVER ()::int AS page_total FROM (SELECT ${MEMBER_COLUMNS}) AS listed
        ORDER BY listed."joinedAt", listed."displayName", listed."userId" OFFSET $2 LIMIT $3`;
const LOCK_MEMBER = `SELECT organization_id AS "organizationId", user_id AS "userId", roles,
       created_at AS "createdAt", last_used_at AS "lastUsedAt" FROM memberships
 WHERE organization_id = $1 AND user_id = $2 FOR UPDATE`;
const UPDATE_ROLES = `UPDATE memberships SET roles = $3 WHERE organization_id = $1 AND user_id = $2`;
const MEMBER = `SELECT ${MEMBER_COLUMNS} AND membership.user_id = $2`;
const AUDIT_COLUMNS = `"organization_id", "id", "actor_user_id", "action", "target_type", "target_id", "details", "occurred_at"`;

function caller(request: Request): { sub: string; email: string } | null {
  const header = request.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) return null;
  try {
    return jwt.verify(header.slice(7), key, { algorithms: ['HS256'] }) as { sub: string; email: string };
  } catch {
    return null;
  }
}

interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  roles: string[];
  joinedAt: Date;
}
const memberView = (row: MemberRow) => ({ ...row, joinedAt: new Date(row.joinedAt).toISOString() });

/** BEGIN with the tenant-and-membership statement, `work`, COMMIT (`commitSql` rides with it). */
async function inTenant<T>(
  orgId: string,
  userId: string,
  work: (query: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>,
  commitSql: (result: T) => string = () => '',
): Promise<{ result: T } | null> {
  const client = await pool.connect();
  try {
    const [, entered] = (await client.query(ENTRY(orgId, userId))) as unknown as QueryResult[];
    if (!entered?.rows[0]?.entry?.roles) {
      await client.query('ROLLBACK');
      return null;
    }
    const result = await work(async (text, params) => (await client.query(text, params)).rows);
    const extra = commitSql(result);
    await client.query(extra ? `${extra};\nCOMMIT` : 'COMMIT');
    return { result };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

const app = express();
app.disable('x-powered-by');
app.disable('etag');
app.use(express.json());

app.get('/health', (_request, response) => {
  response.json({ status: 'ok' });
});

app.get('/api/v1/me', async (request: Request, response: Response) => {
  const claims = caller(request);
  if (!claims) return void response.status(401).end();
  const { rows } = await pool.query(USER, [claims.sub]);
  const user = rows[0];
  response.json({ id: user.id, email: user.email, displayName: user.displayName });
});

app.get('/api/v1/orgs/:orgId/members', async (request: Request, response: Response) => {
  const claims = caller(request);
  if (!claims) return void response.status(401).end();
  const page = Number(request.query['page'] ?? 1);
  const pageSize = Number(request.query['pageSize'] ?? 20);
  const found = await inTenant(request.params['orgId']!, claims.sub, async (query) => {
    const rows = await query(MEMBER_PAGE, [request.params['orgId'], (page - 1) * pageSize, pageSize]);
    return rows;
  });
  if (!found) return void response.status(404).end();
  const rows = found.result as unknown as (MemberRow & { page_total: number })[];
  response.json({
    items: rows.map(({ page_total: _total, ...row }) => memberView(row)),
    page,
    pageSize,
    total: rows.length > 0 ? rows[0]!.page_total : 0,
  });
});

app.patch('/api/v1/orgs/:orgId/members/:userId', async (request: Request, response: Response) => {
  const claims = caller(request);
  if (!claims) return void response.status(401).end();
  const orgId = request.params['orgId']!;
  const userId = request.params['userId']!;
  const roles = (request.body as { roles: string[] }).roles;
  const found = await inTenant(
    orgId,
    claims.sub,
    async (query) => {
      const [locked] = await query(LOCK_MEMBER, [orgId, userId]);
      await query(UPDATE_ROLES, [orgId, userId, roles]);
      const [member] = await query(MEMBER, [orgId, userId]);
      return { from: locked!['roles'] as string[], member: member as unknown as MemberRow };
    },
    ({ from }) => {
      const row = {
        organization_id: orgId,
        id: randomUUID(),
        actor_user_id: claims.sub,
        action: 'member.roles_changed',
        target_type: 'member',
        target_id: userId,
        details: { from, to: roles },
        occurred_at: new Date(),
      };
      return `INSERT INTO "audit_events" (${AUDIT_COLUMNS}) SELECT ${AUDIT_COLUMNS} FROM jsonb_populate_recordset(NULL::"audit_events", ${escapeLiteral(JSON.stringify([row]))})`;
    },
  );
  if (!found) return void response.status(404).end();
  response.json(memberView(found.result.member));
});

app.listen(Number(env['PORT']), '127.0.0.1', () => console.log('bare api listening'));
