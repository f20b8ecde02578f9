module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-analytics',
  rootDir: __dirname,
};
