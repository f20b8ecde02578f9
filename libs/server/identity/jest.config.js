module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-identity',
  rootDir: __dirname,
};
