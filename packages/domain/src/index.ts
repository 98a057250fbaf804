import './zodLocale.ts';

export * from './consent.ts';
export * from './constants.ts';
export * from './dossierStateMachine.ts';
export * from './errors.ts';
export * from './labels.ts';
export * from './principal.ts';
export * from './schemas/common.ts';
export * from './schemas/dossier.ts';
export * from './schemas/me.ts';
export * from './schemas/organism.ts';
export * from './schemas/tenant.ts';
export * from './schemas/user.ts';
export * from './text.ts';
