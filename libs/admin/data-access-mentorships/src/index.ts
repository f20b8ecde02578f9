export * from './mentorships.api';
