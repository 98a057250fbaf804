export type { Api, DossierQuery, TrainingPlanCreateBody } from './endpoints';
export { createApi } from './endpoints';
export { ApiError, NetworkError, errorMessage } from './errors';
export { guarded } from './loadGuard';
export { Me, hasRole, isReadOnly } from './me';
export { referentielOf } from './referentiels';
export { MasteryOut, Restitution } from './restitution';
export { AgendaSummary, CloseSummary, JuryDossier, PipelineEntry, SessionDetail } from './jury';
