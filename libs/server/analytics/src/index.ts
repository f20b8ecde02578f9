export * from './analytics.module';
export * from './analytics.context';
