import { scoreLabel, shareOf } from './cohort-feedback.page';

describe('cohort feedback words', () => {
  it('says a share in whole percent, and a dash when there is nothing to share', () => {
    expect([shareOf(2, 3), shareOf(1, 3), shareOf(0, 4), shareOf(0, 0)]).toEqual([
      '67 %',
      '33 %',
      '0 %',
      '–',
    ]);
  });

  it('signs the recommendation score as people read it', () => {
    expect([scoreLabel(40), scoreLabel(0), scoreLabel(-15), scoreLabel(null)]).toEqual([
      '+40',
      '0',
      '-15',
      '–',
    ]);
  });
});
