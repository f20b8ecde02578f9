// One Jest run over every project, so `npm test` prints one summary.
// Each app and library with tests has its own jest.config.js; this finds them.
const fs = require('node:fs');
const path = require('node:path');

function findProjectConfigs(dir) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const child = path.join(dir, entry.name);
    if (fs.existsSync(path.join(child, 'jest.config.js'))) found.push(child);
    else found.push(...findProjectConfigs(child));
  }
  return found;
}

module.exports = {
  // Global, not per project: end-to-end files boot the API, a worker or a browser. Generous on
  // purpose: this bounds a hang, it does not judge speed (benchmarks do that).
  testTimeout: 120000,
  // The progress reporter lets `npm test` tally a run it had to stop (scripts/test.mjs).
  reporters: ['default', '<rootDir>/scripts/lib/jest-progress-reporter.cjs'],
  projects: ['apps', 'libs', 'tools'].flatMap((root) => findProjectConfigs(path.join(__dirname, root))),
};
