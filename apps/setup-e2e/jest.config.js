module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'setup-e2e',
  rootDir: __dirname,
};
