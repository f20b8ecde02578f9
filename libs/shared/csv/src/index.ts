export * from './read-csv';
