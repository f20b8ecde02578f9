export * from './mentorships.routes';
