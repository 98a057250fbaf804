/**
 * Tenant partition patterns narrowed to one tenant for the tenant roles (SocleFunction.tenantRole):
 * `T#*` becomes the session's own network, `T#${aws:PrincipalTag/tenantId}` and its sub-partitions
 * `T#${aws:PrincipalTag/tenantId}#*`; its audit trails likewise. Other patterns (référentiels,
 * logins, certificates…) are not a tenant's and stay as they are.
 */
import { KEY_PREFIXES as P } from '@socle/data/keyPrefixes';
import { TENANT_TAG_VARIABLE } from './constructs/SocleFunction.ts';

/** The prefixes whose next segment is a tenant id (`T#<t>…`, `AUDIT#T#<t>…`). */
const tenantPrefixes = [P.tenant, P.tenantAudit] as const;

/** The prefix a tenant pattern starts with (`T#*…`), if it is one. */
const tenantPrefixOf = (pattern: string) => tenantPrefixes.find((prefix) => pattern.startsWith(`${prefix}*`));

const isTenantPattern = (pattern: string): boolean => tenantPrefixOf(pattern) !== undefined;

/** `T#*` → `T#${tag}`, `T#${tag}#*`; `T#*#STATS` → `T#${tag}#STATS`; others unchanged. */
const narrowToTenant = (patterns: readonly string[]): string[] =>
  patterns.flatMap((pattern) => {
    const prefix = tenantPrefixOf(pattern);
    if (!prefix) return [pattern];
    const own = `${prefix}${TENANT_TAG_VARIABLE}`;
    const rest = pattern.slice(prefix.length + 1);
    return rest === '' ? [own, `${own}#*`] : [`${own}${rest}`];
  });

export { isTenantPattern, narrowToTenant };
