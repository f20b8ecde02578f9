module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-matching',
  rootDir: __dirname,
};
