module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-organizations',
  rootDir: __dirname,
};
