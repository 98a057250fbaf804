/**
 * The time zone a region's jury sits in, to print the closing time as the jury lived it (La Réunion
 * is UTC+4, Guadeloupe UTC−4). One map for the platform: the domain's, which also judges a session's
 * day (packages/domain/src/path/regionTime.ts).
 */
export { regionTimeZone } from '@socle/domain';
