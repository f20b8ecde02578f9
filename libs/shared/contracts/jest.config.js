module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'shared-contracts',
  rootDir: __dirname,
};
