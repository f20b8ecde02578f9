export * from './roles';
export * from './error-body';
export * from './error-codes';
export * from './field-limits';
export * from './pagination';
export * from './people';
export * from './programs';
export * from './api';
