// The demo organization's people and their profiles: plain data, so the seed stays readable.
// Deterministic (no randomness), so seeding twice gives the same organization.
import type { MentorType, OrganizationRole } from '@mentorship/contracts';

export interface DemoPerson {
  email: string;
  displayName: string;
  roles: OrganizationRole[];
}

/** Someone in the demo cohort, with the profile they fill in. */
export interface DemoParticipant extends DemoPerson {
  cohortRole: 'mentor' | 'mentee';
  timeZone: string;
  languages: string[];
  department: string;
  seniority: number;
  /** Skill names of the catalogue with a level (mentors: their own; mentees: the target). */
  skills: [string, number][];
  mentorTypes: MentorType[];
  goals: string[];
  topics: string[];
  /** Weekly slots in the person's own time zone: [day 0 = Monday, start, end]. */
  availability: [number, string, string][];
  managerEmail?: string;
  /** Mentors: mentees at once. */
  capacity?: number;
}

export const DEMO_SKILLS = [
  'TypeScript',
  'Go',
  'Python',
  'Kotlin',
  'SQL',
  'System design',
  'Cloud architecture',
  'Security',
  'Data analysis',
  'Machine learning',
  'Product discovery',
  'UX research',
  'Technical writing',
  'Public speaking',
  'Negotiation',
  'Stakeholder management',
  'People management',
  'Career planning',
  'Sales strategy',
  'Financial modelling',
];

/** Admin, coordinator: they run the program and are not in the cohort. */
export const DEMO_STAFF: DemoPerson[] = [
  { email: 'admin@demo.example', displayName: 'Ada Admin', roles: ['admin'] },
  { email: 'coordinator@demo.example', displayName: 'Cora Coordinator', roles: ['coordinator'] },
];

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Europe/London',
  'America/Los_Angeles',
  'Asia/Singapore',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Europe/Madrid',
  'America/Chicago',
];
const LANGUAGES = [
  ['en'],
  ['en', 'de'],
  ['en', 'hi'],
  ['en', 'es'],
  ['en', 'pt'],
  ['en', 'fr'],
  ['en', 'ja'],
];
const DEPARTMENTS = ['Engineering', 'Product', 'Design', 'Data', 'Sales', 'Marketing', 'Finance', 'People'];
/** Skills that go together, by department, so profiles read like real ones. */
const SKILLS_BY_DEPARTMENT: Record<string, string[]> = {
  Engineering: ['TypeScript', 'Go', 'System design', 'Cloud architecture', 'Security', 'Kotlin'],
  Product: ['Product discovery', 'Stakeholder management', 'Data analysis', 'Public speaking'],
  Design: ['UX research', 'Product discovery', 'Public speaking', 'Technical writing'],
  Data: ['Python', 'SQL', 'Machine learning', 'Data analysis'],
  Sales: ['Sales strategy', 'Negotiation', 'Public speaking', 'Stakeholder management'],
  Marketing: ['Public speaking', 'Data analysis', 'Technical writing', 'Product discovery'],
  Finance: ['Financial modelling', 'SQL', 'Negotiation', 'Stakeholder management'],
  People: ['People management', 'Career planning', 'Public speaking', 'Negotiation'],
};
const GOALS = [
  'lead a team within a year',
  'move from individual contributor to tech lead',
  'present at an industry conference',
  'own a product area end to end',
  'grow into a senior role',
  'switch from support into engineering',
  'build a network outside my department',
  'get better at giving feedback',
];
const TOPICS = [
  'code review',
  'architecture decisions',
  'running meetings',
  'career paths',
  'work-life balance',
  'hiring',
  'roadmaps',
  'negotiating a raise',
];
const MENTOR_TYPE_SETS: MentorType[][] = [
  ['technical', 'career'],
  ['leadership', 'career'],
  ['technical'],
  ['industry', 'entrepreneurial'],
  ['career'],
  ['leadership'],
];
/** Weekly slots in local time; several patterns, so overlaps differ across time zones. */
const AVAILABILITY: [number, string, string][][] = [
  [
    [0, '09:00', '10:30'],
    [2, '14:00', '15:00'],
  ],
  [
    [1, '16:00', '17:30'],
    [3, '16:00', '17:30'],
  ],
  [
    [0, '12:00', '13:00'],
    [4, '10:00', '11:30'],
  ],
  [
    [2, '08:00', '09:00'],
    [3, '18:00', '19:30'],
  ],
  [[1, '11:00', '12:30']],
];

const MENTORS: [string, string][] = [
  // The three mentors the demo always had, first.
  ['mentor1@demo.example', 'Grace Hopper'],
  ['mentor2@demo.example', 'Linus Torvalds'],
  ['mentor3@demo.example', 'Barbara Liskov'],
  ['priya.raman@demo.example', 'Priya Raman'],
  ['kenji.watanabe@demo.example', 'Kenji Watanabe'],
  ['sofia.alvarez@demo.example', 'Sofia Alvarez'],
  ['seun.adeyemi@demo.example', 'Oluwaseun Adeyemi'],
  ['meilin.chen@demo.example', 'Mei Lin Chen'],
  ['lucas.oliveira@demo.example', 'Lucas Oliveira'],
  ['hannah.schmidt@demo.example', 'Hannah Schmidt'],
  ['aisha.khan@demo.example', 'Aisha Khan'],
  ['daniel.kim@demo.example', 'Daniel Kim'],
  ['fatima.benali@demo.example', 'Fatima Benali'],
  ['tom.nguyen@demo.example', 'Tom Nguyen'],
  ['ines.moreau@demo.example', 'Inès Moreau'],
];

const MENTEES: [string, string][] = [
  ['mentee1@demo.example', 'Alan Turing'],
  ['mentee2@demo.example', 'Margaret Hamilton'],
  ['mentee3@demo.example', 'Dennis Ritchie'],
  ['mentee4@demo.example', 'Frances Allen'],
  ['arjun.mehta@demo.example', 'Arjun Mehta'],
  ['yuki.tanaka@demo.example', 'Yuki Tanaka'],
  ['carlos.mendes@demo.example', 'Carlos Mendes'],
  ['amara.okafor@demo.example', 'Amara Okafor'],
  ['lena.fischer@demo.example', 'Lena Fischer'],
  ['noah.williams@demo.example', 'Noah Williams'],
  ['sara.lindqvist@demo.example', 'Sara Lindqvist'],
  ['wei.zhang@demo.example', 'Wei Zhang'],
  ['maya.patel@demo.example', 'Maya Patel'],
  ['diego.ramirez@demo.example', 'Diego Ramírez'],
  ['chloe.martin@demo.example', 'Chloé Martin'],
  ['kwame.mensah@demo.example', 'Kwame Mensah'],
  ['olivia.brown@demo.example', 'Olivia Brown'],
  ['hiro.sato@demo.example', 'Hiroshi Sato'],
  ['ana.costa@demo.example', 'Ana Costa'],
  ['ravi.iyer@demo.example', 'Ravi Iyer'],
  ['emma.johansson@demo.example', 'Emma Johansson'],
  ['samir.haddad@demo.example', 'Samir Haddad'],
  ['julia.nowak@demo.example', 'Julia Nowak'],
  ['ethan.clarke@demo.example', 'Ethan Clarke'],
  ['zainab.yusuf@demo.example', 'Zainab Yusuf'],
  ['marco.rossi@demo.example', 'Marco Rossi'],
  ['nadia.petrova@demo.example', 'Nadia Petrova'],
  ['ben.cohen@demo.example', 'Ben Cohen'],
  ['lucia.fernandez@demo.example', 'Lucía Fernández'],
  ['tariq.aziz@demo.example', 'Tariq Aziz'],
  ['grace.lee@demo.example', 'Grace Lee'],
  ['felix.wagner@demo.example', 'Felix Wagner'],
  ['aiko.yamamoto@demo.example', 'Aiko Yamamoto'],
  ['pedro.santos@demo.example', 'Pedro Santos'],
  ['ngozi.eze@demo.example', 'Ngozi Eze'],
  ['liam.murphy@demo.example', 'Liam Murphy'],
  ['isabel.garcia@demo.example', 'Isabel García'],
  ['omar.farouk@demo.example', 'Omar Farouk'],
  ['sophie.dubois@demo.example', 'Sophie Dubois'],
  ['kai.andersen@demo.example', 'Kai Andersen'],
];

const pick = <T>(list: readonly T[], index: number): T => list[index % list.length]!;

function participant(
  [email, displayName]: [string, string],
  index: number,
  cohortRole: 'mentor' | 'mentee',
): DemoParticipant {
  const department = pick(DEPARTMENTS, cohortRole === 'mentor' ? index : index * 3 + 1);
  const skills = SKILLS_BY_DEPARTMENT[department]!;
  const mentor = cohortRole === 'mentor';
  return {
    email,
    displayName,
    // Barbara Liskov is mentee in another program too: one person, two roles.
    roles: email === 'mentor3@demo.example' ? ['mentor', 'mentee'] : [cohortRole],
    cohortRole,
    timeZone: pick(ZONES, index * (mentor ? 1 : 5)),
    languages: pick(LANGUAGES, index * (mentor ? 3 : 2)),
    department,
    seniority: mentor ? 3 + (index % 4) : 1 + (index % 3),
    skills: [0, 1, 2]
      .slice(0, mentor ? 3 : 1 + (index % 2))
      .map((offset) => [pick(skills, index + offset), mentor ? 3 + ((index + offset) % 3) : 3 + (index % 3)]),
    mentorTypes: pick(MENTOR_TYPE_SETS, index),
    goals: mentor ? [] : [pick(GOALS, index), ...(index % 3 === 0 ? [pick(GOALS, index + 3)] : [])],
    topics: [pick(TOPICS, index), pick(TOPICS, index + 2)],
    availability: pick(AVAILABILITY, index),
    ...(mentor ? { capacity: 1 + (index % 3) } : {}),
  };
}

export const DEMO_MENTORS: DemoParticipant[] = MENTORS.map((person, index) =>
  participant(person, index, 'mentor'),
);

/** Some mentees report to a mentor: the reporting-line limit has something to keep apart. */
export const DEMO_MENTEES: DemoParticipant[] = MENTEES.map((person, index) => ({
  ...participant(person, index, 'mentee'),
  ...(index % 6 === 0 ? { managerEmail: pick(DEMO_MENTORS, index / 6).email } : {}),
}));

export const DEMO_PEOPLE: DemoPerson[] = [...DEMO_STAFF, ...DEMO_MENTORS, ...DEMO_MENTEES];
