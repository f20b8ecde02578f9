// Browser tests: a real API, Postgres and Redis, and the built admin in Chromium. Slow by nature.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'admin-e2e',
  rootDir: __dirname,
  testTimeout: 120_000,
};
