export * from './roles';
export * from './error-body';
export * from './pagination';
export * from './api';
