export * from './enums';
export * from './problem-codes';
export * from './events';
export * from './api';
export * from './engagement';
export * from './giving';
export * from './matching';
export * from './children';
