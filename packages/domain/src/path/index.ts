export * from './codes.ts';
export * from './dates.ts';
export * from './duplicate.ts';
export * from './finalEvaluation.ts';
export * from './habilitation.ts';
export * from './regionTime.ts';
export * from './withdrawal.ts';
