export * from './attendance.ts';
export * from './auditView.ts';
export * from './codes.ts';
export * from './conflicts.ts';
export * from './deliberation.ts';
export * from './scheduling.ts';
export * from './settings.ts';
export * from './terms.ts';
