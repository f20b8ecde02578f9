import { readCsv } from '@mentorship/csv';
import { checkParticipantRows, PARTICIPANT_COLUMNS, skillNamesIn } from './participant-csv.service';

const context = {
  skillsByName: new Map([
    ['Go', { id: 'go-id', name: 'Go' }],
    ['go', { id: 'go-id', name: 'Go' }],
  ]),
  inCohort: new Set(['here@example.test']),
};
const check = (lines: string[]) =>
  checkParticipantRows(
    readCsv(['email,name,role,skills,capacity', ...lines].join('\n'), PARTICIPANT_COLUMNS).records,
    context,
  );

describe(checkParticipantRows.name, () => {
  it('turns a valid row into the participant and profile fields it imports', () => {
    expect(check(['Ada@Example.test,Ada,MENTOR,Go:4,3'])).toEqual([
      {
        line: 2,
        valid: true,
        email: 'ada@example.test',
        name: 'Ada',
        role: 'mentor',
        reasons: [],
        participant: {
          email: 'ada@example.test',
          name: 'Ada',
          role: 'mentor',
          profile: { skills: [{ skillId: 'go-id', level: 4 }], mentorCapacity: 3 },
        },
      },
    ]);
  });

  it('gives every reason of a bad row, and none of its values as importable', () => {
    const [row] = check(['here@example.test,,coach,"Go:0|go:2|Go",x']);
    expect(row).toMatchObject({ valid: false, participant: null, role: null });
    expect(row?.reasons).toEqual([
      'here@example.test has a place in this cohort already',
      'name is empty',
      'role must be mentor or mentee, not "coach"',
      'level of "Go" must be 1 to 5, not "0"',
      'skill "Go" has no level (write Go:3)',
      'capacity must be a whole number from 0 to 20, not "x"',
    ]);
  });

  it('catches the second of two rows with one address, whatever its case', () => {
    expect(
      check(['a@example.test,A,mentee,,', 'A@EXAMPLE.TEST,B,mentee,,']).map((row) => row.reasons),
    ).toEqual([[], ['duplicate email: a@example.test is on line 2 already']]);
  });

  it('refuses the same skill twice in one row', () => {
    expect(check(['a@example.test,A,mentee,"Go:2|go:3",'])[0]?.reasons).toEqual([
      'skill "go" is listed twice',
    ]);
  });
});

describe(skillNamesIn.name, () => {
  it('collects the skill names of every row, with or without levels', () => {
    const records = readCsv(
      'email,name,role,skills\na,b,c,"Go:3|Rust"\nd,e,f,TypeScript:2;Go:1\n',
      PARTICIPANT_COLUMNS,
    ).records;
    expect(skillNamesIn(records).sort()).toEqual(['Go', 'Rust', 'TypeScript']);
  });
});
