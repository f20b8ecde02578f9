module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-notifications',
  rootDir: __dirname,
};
