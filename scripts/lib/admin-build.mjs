// Whether the admin app in dist/ is current, make-style: its index.html is newer than every
// file its build reads. A second `npm run demo` then starts without a three-minute rebuild, and
// the demo's own test serves the build the suite made before Jest started (a rebuild, even an
// Nx cache hit, rewrites dist/ under the browser tests that serve it at the same time).
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** What the admin build reads: its app, the admin libraries and the shared contracts. */
const ADMIN_INPUTS = [
  'apps/admin',
  'libs/admin',
  'libs/shared/contracts',
  'package-lock.json',
  'tsconfig.base.json',
];

function newestMtimeMs(entry) {
  const stat = statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as its folder's change
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtimeMs(path.join(entry, child)));
  return newest;
}

/** True when `<root>/dist/apps/admin/browser/index.html` is newer than every admin input. */
export function adminBuildIsCurrent(root) {
  const index = path.join(root, 'dist/apps/admin/browser/index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return ADMIN_INPUTS.every((input) => newestMtimeMs(path.join(root, input)) < built);
}
