module.exports = {
  ...require('../../../jest.preset.js'),
  displayName: 'server-mentorships',
  rootDir: __dirname,
};
