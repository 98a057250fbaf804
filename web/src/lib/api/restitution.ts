/** `GET /dossiers/{id}/restitution`: the schema is shared with the API (domain package). */
export { MasteryOut, Restitution } from '@socle/domain';
