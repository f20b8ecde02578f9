// Seeds the demo organization and its people. Idempotent: running it again changes nothing.
// Run through scripts/demo.mjs (or `node scripts/seed-demo.mjs`).
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { OrganizationRole } from '@mentorship/contracts';
import { PasswordHasher } from '@mentorship/identity';
import { Client } from 'pg';

export const DEMO_ORGANIZATION = {
  id: '00000000-0000-4000-8000-00000000d3e0',
  name: 'Demo Mentoring Program',
};
export const DEMO_PASSWORD = 'mentorship-demo-2026';

const PEOPLE: { email: string; displayName: string; roles: OrganizationRole[] }[] = [
  { email: 'admin@demo.example', displayName: 'Ada Admin', roles: ['admin'] },
  { email: 'coordinator@demo.example', displayName: 'Cora Coordinator', roles: ['coordinator'] },
  { email: 'mentor1@demo.example', displayName: 'Grace Hopper', roles: ['mentor'] },
  { email: 'mentor2@demo.example', displayName: 'Linus Torvalds', roles: ['mentor'] },
  { email: 'mentor3@demo.example', displayName: 'Barbara Liskov', roles: ['mentor', 'mentee'] },
  { email: 'mentee1@demo.example', displayName: 'Alan Turing', roles: ['mentee'] },
  { email: 'mentee2@demo.example', displayName: 'Margaret Hamilton', roles: ['mentee'] },
  { email: 'mentee3@demo.example', displayName: 'Dennis Ritchie', roles: ['mentee'] },
  { email: 'mentee4@demo.example', displayName: 'Frances Allen', roles: ['mentee'] },
];

async function seed(databaseUrl: string): Promise<void> {
  const hasher = new PasswordHasher();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const ids = new Map<string, string>();
    for (const person of PEOPLE) {
      const existing = await client.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [
        person.email,
      ]);
      if (existing.rows[0]) {
        ids.set(person.email, existing.rows[0].id);
        continue;
      }
      const id = randomUUID();
      await client.query(
        'INSERT INTO users (id, email, display_name, password_hash) VALUES ($1, $2, $3, $4)',
        [id, person.email, person.displayName, await hasher.hash(DEMO_PASSWORD)],
      );
      ids.set(person.email, id);
    }
    // The application role writes tenant rows only inside its tenant.
    await client.query(`SELECT set_config('app.organization_id', $1, true)`, [DEMO_ORGANIZATION.id]);
    await client.query('INSERT INTO organizations (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
      DEMO_ORGANIZATION.id,
      DEMO_ORGANIZATION.name,
    ]);
    for (const person of PEOPLE) {
      await client.query(
        'INSERT INTO memberships (organization_id, user_id, roles) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [DEMO_ORGANIZATION.id, ids.get(person.email), person.roles],
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

if (require.main === module) {
  const databaseUrl = process.env['DATABASE_URL'];
  if (!databaseUrl) throw new Error('DATABASE_URL is not set');
  seed(databaseUrl)
    .then(() => {
      console.log(
        `Demo organization "${DEMO_ORGANIZATION.name}" is seeded. Everyone's password: ${DEMO_PASSWORD}`,
      );
      for (const person of PEOPLE) console.log(`  ${person.roles.join('+').padEnd(14)} ${person.email}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
