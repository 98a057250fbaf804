/**
 * The public verification routes (certificate lookup and confirmation, credential check, issuer
 * profile, JWKS) live under these prefixes. They are served by an HTTP API of their own behind the
 * web distribution, on the site's domain, where the WAF rate rule counts them.
 */
const publicPathPrefixes = ['/public/', '/.well-known/'] as const;

const isPublicPath = (path: string): boolean => publicPathPrefixes.some((prefix) => path.startsWith(prefix));

export { isPublicPath, publicPathPrefixes };
