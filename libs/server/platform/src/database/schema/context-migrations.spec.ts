import type { MigrationInterface } from 'typeorm';
import { collectMigrations, MigrationOrderError, type MigrationClass } from './context-migrations';

function migration(name: string): MigrationClass {
  return class implements MigrationInterface {
    name = name;
    up = () => Promise.resolve();
    down = () => Promise.resolve();
  };
}

describe(collectMigrations.name, () => {
  const first = migration('First1700000000100');
  const second = migration('Second1700000000200');
  const third = migration('Third1700000000300');

  it('orders every context’s migrations by timestamp, whatever the order of the contexts', () => {
    const ordered = collectMigrations([
      { name: 'late', migrations: { directory: '/late', classes: [third, first] } },
      { name: 'early', migrations: { directory: '/early', classes: [second] } },
    ]);
    expect(ordered.map((m) => new m().name)).toEqual([
      'First1700000000100',
      'Second1700000000200',
      'Third1700000000300',
    ]);
  });

  it('refuses two migrations with one timestamp, naming both', () => {
    const twin = migration('Twin1700000000100');
    const attempt = () =>
      collectMigrations([
        { name: 'a', migrations: { directory: '/a', classes: [first] } },
        { name: 'b', migrations: { directory: '/b', classes: [twin] } },
      ]);
    expect(attempt).toThrow(MigrationOrderError);
    expect(attempt).toThrow(/Twin1700000000100 and First1700000000100 share the timestamp 1700000000100/);
  });

  it('refuses a migration whose name carries no timestamp', () => {
    const attempt = () =>
      collectMigrations([{ name: 'a', migrations: { directory: '/a', classes: [migration('Undated')] } }]);
    expect(attempt).toThrow(/a: migration Undated does not end with a 13-digit timestamp/);
  });
});
