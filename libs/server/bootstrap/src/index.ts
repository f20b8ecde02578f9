export * from './api.module';
export * from './worker.module';
export * from './contexts';
