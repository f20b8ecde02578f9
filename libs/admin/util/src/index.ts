export * from './api-error';
export * from './return-url';
export * from './role-label';
export * from './program-labels';
export * from './program-words';
export * from './matching-words';
export * from './text-lines';
