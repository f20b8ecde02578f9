export * from './programs.api';
export * from './cohorts.api';
