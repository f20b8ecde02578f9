import { detectDelimiter, MalformedCsvError, normalizeHeader, readCsv, type CsvColumn } from './read-csv';

const COLUMNS: CsvColumn[] = [
  { name: 'email', aliases: ['e-mail'], required: true },
  { name: 'name', required: true },
  { name: 'time_zone', aliases: ['timezone', 'tz'] },
];

const valuesOf = (text: string) => readCsv(text, COLUMNS).records.map((r) => [r.line, r.values]);

describe(readCsv.name, () => {
  it('reads comma, semicolon and tab files alike, with or without a BOM, any line end', () => {
    const expected = [
      [2, { email: 'ada@example.test', name: 'Ada', time_zone: 'Europe/London' }],
      [3, { email: 'bob@example.test', name: 'Bob', time_zone: '' }],
    ];
    for (const delimiter of [',', ';', '\t'])
      for (const end of ['\n', '\r\n', '\r'])
        for (const bom of ['', '\ufeff']) {
          const text =
            bom +
            [
              ['email', 'name', 'time_zone'],
              ['ada@example.test', 'Ada', 'Europe/London'],
              ['bob@example.test', 'Bob', ''],
            ]
              .map((row) => row.join(delimiter))
              .join(end) +
            end;
          expect({ delimiter, end, bom, values: valuesOf(text) }).toEqual({
            delimiter,
            end,
            bom,
            values: expected,
          });
        }
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields, and numbers lines as an editor does', () => {
    const text =
      'email;name\r\n\r\n"ada@example.test";"Lovelace; Ada ""the first"""\r\nbob@example.test;"Bob\r\nSmith"\r\ncy@example.test;Cy\r\n';
    expect(valuesOf(text)).toEqual([
      [3, { email: 'ada@example.test', name: 'Lovelace; Ada "the first"', time_zone: '' }],
      [4, { email: 'bob@example.test', name: 'Bob\nSmith', time_zone: '' }],
      [6, { email: 'cy@example.test', name: 'Cy', time_zone: '' }],
    ]);
  });

  it('finds columns by alias in any order and reports the ones it does not know', () => {
    const table = readCsv('Employee ID,Name,E-Mail,TZ\n7,Ada,ada@example.test,UTC\n', COLUMNS);
    expect(table.columns).toEqual(['name', 'email', 'time_zone']);
    expect(table.ignoredColumns).toEqual(['Employee ID']);
    expect(table.records[0]?.values).toEqual({ email: 'ada@example.test', name: 'Ada', time_zone: 'UTC' });
  });

  it('flags rows with the wrong number of fields, keeping their line', () => {
    const table = readCsv('email,name\na@example.test,A,extra\nb@example.test\n', COLUMNS);
    expect(table.records.map((r) => [r.line, r.fieldCountMismatch])).toEqual([
      [2, { expected: 2, found: 3 }],
      [3, { expected: 2, found: 1 }],
    ]);
  });

  it('refuses files it cannot read, naming the line', () => {
    const refusal = (text: string) => {
      try {
        readCsv(text, COLUMNS);
      } catch (error) {
        if (error instanceof MalformedCsvError) return { line: error.line, message: error.message };
        throw error;
      }
      throw new Error('read without refusal');
    };
    expect(refusal('email,name\na@example.test,"Ada\nb@example.test,Bob\n')).toEqual({
      line: 3,
      message: 'A quoted field is never closed.',
    });
    expect(refusal('email,name\na@example.test,Ad"a\n').line).toBe(2);
    expect(refusal('')).toEqual({ line: null, message: 'The file is empty.' });
    expect(refusal('email,surname\n').message).toBe('The header lacks the required columns: name.');
    expect(refusal('email,name,e-mail\n').message).toBe('The header names the column "e-mail" twice.');
  });

  it('reads a plain list without a header when asked to', () => {
    const table = readCsv('\ufeffTypeScript\r\nGo\r\n\r\nPublic speaking\r\n', [{ name: 'name' }], {
      headerless: 'name',
    });
    expect(table.records.map((r) => [r.line, r.values['name']])).toEqual([
      [1, 'TypeScript'],
      [2, 'Go'],
      [4, 'Public speaking'],
    ]);
    expect(readCsv('name\nGo\n', [{ name: 'name' }], { headerless: 'name' }).records).toHaveLength(1);
  });
});

describe(detectDelimiter.name, () => {
  it('counts separators in the header only, outside quotes', () => {
    expect(detectDelimiter('a;b;c\nx,y,z,w,v')).toBe(';');
    expect(detectDelimiter('"a,b";c\n')).toBe(';');
    expect(detectDelimiter('name\n')).toBe(',');
  });
});

describe(normalizeHeader.name, () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normalizeHeader(' Time Zone ')).toBe('time_zone');
    expect(normalizeHeader('time-zone')).toBe('time_zone');
    expect(normalizeHeader('E-Mail')).toBe('e_mail');
  });
});
