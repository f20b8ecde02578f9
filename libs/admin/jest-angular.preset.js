// Jest preset for the admin libraries: Angular components compiled by jest-preset-angular
// (JIT, in jsdom), zoneless like the app. Each library's jest.config.js spreads this.
const path = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');
const { moduleNameMapper } = require('../../jest.preset.js');

module.exports = (projectDir) => ({
  ...createCjsPreset({ tsconfig: path.join(projectDir, 'tsconfig.json') }),
  // jest-preset-angular's own jsdom environment (jest-environment-jsdom is not installed).
  testEnvironment: 'jest-preset-angular/environments/jest-jsdom-env',
  rootDir: projectDir,
  moduleNameMapper,
  setupFilesAfterEnv: [path.join(__dirname, 'jest-setup.ts')],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
});
