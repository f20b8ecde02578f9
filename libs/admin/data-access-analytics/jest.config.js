module.exports = {
  ...require('../jest-angular.preset.js')(__dirname),
  displayName: 'admin-data-access-analytics',
};
