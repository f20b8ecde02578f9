export * from './service-urls';
export * from './test-database';
export * from './smtp-sink';
export * from './start-test-api';
export * from './http';
export * from './routes';
export * from './waiting';
export * from './redis-server';
