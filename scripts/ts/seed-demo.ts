// Seeds the demo organization and its people through the product's own services, the way
// people do it: sign up, create the organization, invite each person, who accepts.
// Idempotent: running it again changes nothing. Run through scripts/demo.mjs (or
// `node scripts/seed-demo.mjs`).
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { OrganizationRole, OrganizationView } from '@mentorship/contracts';
import { WorkerModule } from '@mentorship/bootstrap';
import { AuthService } from '@mentorship/identity';
import {
  InvitationsService,
  InvitationTokens,
  OrganizationAccessService,
  OrganizationsService,
} from '@mentorship/organizations';
import { AuthenticatedUser, loadAppConfig } from '@mentorship/platform';

export const DEMO_ORGANIZATION_NAME = 'Demo Mentoring Program';
export const DEMO_PASSWORD = 'mentorship-demo-2026';

interface DemoPerson {
  email: string;
  displayName: string;
  roles: OrganizationRole[];
}

/** The first is the organization's creator, hence its admin. */
const PEOPLE: DemoPerson[] = [
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

async function seed(): Promise<void> {
  const config = loadAppConfig(process.env, { logLevel: 'error' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
  try {
    const auth = app.get(AuthService);
    const organizations = app.get(OrganizationsService);
    const invitations = app.get(InvitationsService);
    const tokens = app.get(InvitationTokens);
    const access = app.get(OrganizationAccessService);

    const account = async (person: DemoPerson): Promise<AuthenticatedUser> => {
      const user =
        (await auth.accountOf(person.email)) ??
        (await auth.register({
          email: person.email,
          displayName: person.displayName,
          password: DEMO_PASSWORD,
        }));
      return { id: user.id, email: user.email };
    };
    const organizationOf = async (user: AuthenticatedUser): Promise<OrganizationView | undefined> =>
      (await organizations.listMine(user.id)).items.find((o) => o.name === DEMO_ORGANIZATION_NAME);

    const [creator, ...others] = PEOPLE;
    const admin = await account(creator!);
    const organization =
      (await organizationOf(admin)) ?? (await organizations.create(admin, { name: DEMO_ORGANIZATION_NAME }));
    // By name: people who join together are listed by name, so this keeps the members page's order.
    for (const person of [...others].sort((a, b) => a.displayName.localeCompare(b.displayName))) {
      const user = await account(person);
      if (await organizationOf(user)) continue;
      const invitation = await access.enter(
        organization.id,
        admin,
        { kind: 'org-member', roles: ['admin'] },
        () => invitations.invite({ email: person.email, roles: person.roles }),
      );
      await access.enter(organization.id, user, { kind: 'org-invitee' }, () =>
        invitations.accept(tokens.issue(organization.id, invitation.id)),
      );
    }
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  seed()
    .then(() => {
      console.log(
        `Demo organization "${DEMO_ORGANIZATION_NAME}" is seeded. Everyone's password: ${DEMO_PASSWORD}`,
      );
      for (const person of PEOPLE) console.log(`  ${person.roles.join('+').padEnd(14)} ${person.email}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
