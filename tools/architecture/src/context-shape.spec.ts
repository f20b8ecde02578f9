import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXTS } from '@mentorship/bootstrap';

const ROOT = join(__dirname, '../../..');
const SERVER_LIBS = join(ROOT, 'libs/server');
const DEPENDENCIES: Record<string, string[]> = JSON.parse(
  readFileSync(join(__dirname, '../context-dependencies.json'), 'utf8'),
);

/** Top-level files of a context say their role in their name (STYLE.md: `match.service.ts`). */
const TOP_LEVEL_FILE =
  /^(index\.ts|[a-z0-9-]+\.(module|context|controller|service|exception|guard|interceptor|strategy|audit|decorators|notifications)(\.spec)?\.ts)$/;
/** The folders a context may have, and what may live in each. */
const FOLDERS: Record<string, RegExp> = {
  dto: /^[a-z0-9-]+\.dto\.ts$/,
  entities: /^[a-z0-9-]+\.entity\.ts$/,
  jobs: /^[a-z0-9-]+\.job(\.spec)?\.ts$/,
  migrations: /^(index\.ts|\d{13}-[a-z0-9-]+\.ts)$/,
  repositories: /^[a-z0-9-]+\.repository(\.spec)?\.ts$/,
};

function tagsOf(library: string): string[] {
  const file = join(SERVER_LIBS, library, 'project.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).tags as string[]) : [];
}

/** Every server library tagged as a bounded context, by folder name. */
const contexts = readdirSync(SERVER_LIBS).filter((library) =>
  tagsOf(library).some((tag) => tag.startsWith('context:')),
);
/** DEVELOPMENT.md's example context (a test fixture) has the same shape. */
const EXAMPLE = { name: 'kudos', src: join(ROOT, 'apps/api-e2e/src/example-context/kudos') };
const shaped = [...contexts.map((name) => ({ name, src: join(SERVER_LIBS, name, 'src') })), EXAMPLE];

describe('bounded context libraries', () => {
  it('are found (identity, organizations, audit, notifications at least)', () => {
    expect(contexts).toEqual(expect.arrayContaining(['identity', 'organizations', 'audit', 'notifications']));
  });

  it('are each registered once in bootstrap, and nothing else is', () => {
    expect(CONTEXTS.map((context) => context.name).sort()).toEqual([...contexts].sort());
  });

  it('each have a line in context-dependencies.json naming only contexts', () => {
    expect(Object.keys(DEPENDENCIES).sort()).toEqual([...contexts].sort());
    for (const uses of Object.values(DEPENDENCIES)) for (const use of uses) expect(contexts).toContain(use);
  });

  describe.each(contexts)('%s', (name) => {
    it('is tagged with its own folder name', () => {
      expect(tagsOf(name).filter((tag) => tag.startsWith('context:'))).toEqual([`context:${name}`]);
    });

    it('is registered in bootstrap with its own migrations folder', () => {
      const registration = CONTEXTS.find((context) => context.name === name);
      expect(registration?.migrations.directory).toBe(join(SERVER_LIBS, name, 'src', 'migrations'));
    });
  });

  describe.each(shaped)('$name has the inner shape', ({ name, src }) => {
    const entries = readdirSync(src, { withFileTypes: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    const folders = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);

    it('has its module, registration, index, at least one service, entities and migrations', () => {
      expect(files).toEqual(expect.arrayContaining([`${name}.module.ts`, `${name}.context.ts`, 'index.ts']));
      expect(files.some((file) => file.endsWith('.service.ts'))).toBe(true);
      expect(readdirSync(join(src, 'entities')).length).toBeGreaterThan(0);
      expect(readdirSync(join(src, 'migrations'))).toContain('index.ts');
    });

    it('has its own exception (with codes) when it answers HTTP', () => {
      if (files.some((file) => file.endsWith('.controller.ts'))) {
        expect(files).toContain(`${name}.exception.ts`);
        expect(readFileSync(join(src, `${name}.exception.ts`), 'utf8')).toMatch(/extends DomainException/);
      }
    });

    it('names every file by its role and keeps it in its folder', () => {
      expect(files.filter((file) => !TOP_LEVEL_FILE.test(file))).toEqual([]);
      expect(folders.filter((folder) => !(folder in FOLDERS))).toEqual([]);
      for (const folder of folders) {
        const strays = readdirSync(join(src, folder)).filter((file) => !FOLDERS[folder]!.test(file));
        expect({ folder, strays }).toEqual({ folder, strays: [] });
      }
    });

    it('exports its registration from its index', () => {
      expect(readFileSync(join(src, 'index.ts'), 'utf8')).toContain(`export * from './${name}.context';`);
    });
  });
});
