export * from './enums';
export * from './problem-codes';
export * from './events';
export * from './api';
