export * from './exports.ts';
export * from './lists.ts';
