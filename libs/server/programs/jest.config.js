module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-programs',
  rootDir: __dirname,
};
