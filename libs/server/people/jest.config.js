module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-people',
  rootDir: __dirname,
};
