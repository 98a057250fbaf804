export type { Api, DossierQuery } from './endpoints';
export { createApi } from './endpoints';
export { ApiError, NetworkError } from './errors';
export { guarded } from './loadGuard';
export { Me, hasRole, isReadOnly } from './me';
