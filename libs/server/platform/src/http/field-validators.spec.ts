import { plainToInstance, Transform } from 'class-transformer';
import { IsInt, IsString, Length, Max, Min, validateSync } from 'class-validator';
import { IsIntIn, IsTrimmedText, trimmed } from './field-validators';

const range = { min: 2, max: 5 };

class Stacked {
  @Transform(trimmed)
  @IsString()
  @Length(range.min, range.max)
  name!: unknown;

  @IsInt()
  @Min(range.min)
  @Max(range.max)
  count!: unknown;
}

class Composed {
  @IsTrimmedText(range)
  name!: unknown;

  @IsIntIn(range)
  count!: unknown;
}

const problems = (type: new () => object, body: object) =>
  validateSync(plainToInstance(type, body)).map((error) => [
    error.property,
    Object.values(error.constraints ?? {}),
  ]);

describe(IsTrimmedText.name, () => {
  it.each([
    { name: '  a  ', count: 1.5 },
    { name: 7, count: 'x' },
    { name: 'abcdefg', count: 9 },
  ])('finds the problems the stacked rules find, in their order: %j', (body) => {
    const found = problems(Composed, body);
    expect(found.length).toBe(2);
    expect(found).toEqual(problems(Stacked, body));
  });

  it('trims before it measures', () => {
    expect(problems(Composed, { name: '  abc  ', count: 3 })).toEqual([]);
    expect(plainToInstance(Composed, { name: '  abc  ' }).name).toBe('abc');
  });
});
