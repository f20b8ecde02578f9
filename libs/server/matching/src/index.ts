export * from './matching.module';
export * from './matching.context';
export * from './matching.exception';
export * from './matching.audit';
