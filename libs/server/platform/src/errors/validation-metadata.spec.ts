import { IsInt, IsString, MaxLength, validate } from 'class-validator';
import { rememberValidationMetadata } from './validation-metadata';

class Base {
  @IsInt()
  page!: unknown;
}

class Derived extends Base {
  @IsString()
  name!: unknown;
}

const problems = async (object: object) =>
  (await validate(object, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true }))
    .map((error) => `${error.property}: ${Object.keys(error.constraints ?? {}).join(',')}`)
    .sort();

const derived = (fields: Record<string, unknown>) => Object.assign(new Derived(), fields);

describe('rememberValidationMetadata', () => {
  it('answers what class-validator answers uncached, inherited rules included, and sees a rule added later', async () => {
    const cases = [
      derived({ page: 1, name: 'x' }),
      derived({ page: 'one', name: 2 }),
      derived({ page: 1, name: 'x', extra: true }),
      Object.assign(new Base(), { page: 'one' }),
    ];
    const uncached = await Promise.all(cases.map(problems));
    expect(uncached[1]).toEqual(['name: isString', 'page: isInt']);

    rememberValidationMetadata();
    rememberValidationMetadata(); // twice is once
    for (let round = 0; round < 2; round++) expect(await Promise.all(cases.map(problems))).toEqual(uncached);

    // A rule declared after the answers were remembered (as a decorator run at a later import).
    MaxLength(1)(Derived.prototype, 'name');
    expect(await problems(derived({ page: 1, name: 'xy' }))).toEqual(['name: maxLength']);
    // A class declared later is seen too.
    class Later extends Base {
      @IsInt()
      size!: unknown;
    }
    expect(await problems(Object.assign(new Later(), { page: 1, size: 'big' }))).toEqual(['size: isInt']);
  });
});
