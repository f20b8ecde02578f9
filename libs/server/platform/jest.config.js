module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-platform',
  rootDir: __dirname,
};
