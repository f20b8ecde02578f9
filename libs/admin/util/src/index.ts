export * from './api-error';
export * from './return-url';
export * from './role-label';
export * from './program-labels';
export * from './matching-words';
