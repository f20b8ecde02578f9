import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOpenApiDocument } from '@mentorship/platform';
import { useTestApi } from '@mentorship/testing';

const ROOT = join(__dirname, '../../..');
const COMMITTED = join(ROOT, 'libs/shared/contracts/src/openapi.generated.ts');

/** The admin app's API types must be generated from the API as it is now. */
describe('OpenAPI contract', () => {
  const t = useTestApi();

  it('matches the committed generated types (run `npm run openapi` after changing the API)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(buildOpenApiDocument(t.api.app), null, 2));
    const result = spawnSync(
      join(ROOT, 'node_modules/.bin/openapi-typescript'),
      [join(dir, 'openapi.json'), '-o', join(dir, 'openapi.generated.ts')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'openapi.generated.ts'), 'utf8')).toBe(readFileSync(COMMITTED, 'utf8'));
  });
});
