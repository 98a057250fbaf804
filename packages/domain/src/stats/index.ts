export * from './counters.ts';
export * from './csv.ts';
export * from './exports.ts';
export * from './fees.ts';
export * from './labels.ts';
export * from './pipelineAge.ts';
export * from './volumes.ts';
