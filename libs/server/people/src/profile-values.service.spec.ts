import { availabilityProblems, canonicalTimeZone, languageCode } from './profile-values.service';

describe(canonicalTimeZone.name, () => {
  it('accepts the zones the platform knows, spelled as it spells them', () => {
    expect(canonicalTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('europe/berlin')).toBe('Europe/Berlin');
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(canonicalTimeZone('Asia/Kolkata')).toBe('Asia/Kolkata');
  });

  it('refuses names it does not know, offsets and padding', () => {
    for (const zone of ['Mars/Olympus', 'Europe/Berlinn', '+01:00', '', ' Europe/Berlin', 'x'.repeat(65)])
      expect({ zone, canonical: canonicalTimeZone(zone) }).toEqual({ zone, canonical: null });
  });
});

describe(languageCode.name, () => {
  it('takes ISO 639 codes in any case and English names', () => {
    expect(['en', 'DE', 'fil', 'German', 'japanese', ' es '].map(languageCode)).toEqual([
      'en',
      'de',
      'fil',
      'de',
      'ja',
      'es',
    ]);
  });

  it('refuses what is not a language', () => {
    for (const input of ['xx', 'qq', 'english language', 'pt-BR', '', 'e'])
      expect({ input, code: languageCode(input) }).toEqual({ input, code: null });
  });
});

describe(availabilityProblems.name, () => {
  const slot = (day: number, start: string, end: string) => ({ day, start, end });

  it('accepts separate slots, touching ends, a slot to midnight and one past it', () => {
    expect(
      availabilityProblems([
        slot(0, '09:00', '10:00'),
        slot(0, '10:00', '11:00'),
        slot(1, '22:00', '24:00'),
        slot(2, '23:00', '01:00'),
        slot(3, '01:00', '02:00'),
      ]),
    ).toEqual([]);
  });

  it('names the slot that overlaps, across midnight and from Sunday into Monday too', () => {
    expect(availabilityProblems([slot(0, '09:00', '10:00'), slot(0, '09:45', '10:15')])).toEqual([
      { field: 'availability.1', problems: ['overlaps availability.0'] },
    ]);
    expect(availabilityProblems([slot(2, '23:00', '01:00'), slot(3, '00:30', '02:00')])).toEqual([
      { field: 'availability.1', problems: ['overlaps availability.0'] },
    ]);
    expect(availabilityProblems([slot(0, '00:00', '01:00'), slot(6, '23:30', '00:15')])).toEqual([
      { field: 'availability.1', problems: ['overlaps availability.0'] },
    ]);
  });

  it('names malformed slots with what is wrong', () => {
    expect(availabilityProblems([slot(7, '9:00', '25:00')], 'slots')).toEqual([
      {
        field: 'slots.0',
        problems: [
          'day must be 0 (Monday) to 6 (Sunday)',
          'start must be HH:MM on a quarter hour (00, 15, 30, 45)',
          'end must be HH:MM on a quarter hour, or 24:00',
        ],
      },
    ]);
    expect(availabilityProblems([slot(0, '24:00', '01:00')])[0]?.problems).toHaveLength(1);
  });
});
