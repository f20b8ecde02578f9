module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-csv',
  rootDir: __dirname,
};
