/**
 * The web derives every API call from the route contract: no module writes an API path by hand, and
 * the public pages import the contract for its types only (their bundle stays small). A scan of the
 * sources' string literals against the contract's path templates: cheap, and it fails on the first
 * hand-written path.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routes } from '@socle/contract/routes';
import type { RouteDefinition } from '@socle/contract/routeTypes';
import { describe, expect, it } from 'vitest';

const webSrc = fileURLToPath(new URL('../..', import.meta.url));
const table: readonly RouteDefinition[] = routes;

/**
 * Literals checked by the type checker against the contract instead: /verifier imports the
 * contract's types only (a drift fails `npm run check`), to keep the route table out of its bundle.
 */
const typeCheckedPaths: Record<string, readonly string[]> = {
  'routes/(public)/verifier/publicApi.ts': [
    'getPublicCertificate',
    'confirmPublicCertificate',
    'verifyCredential',
  ],
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });

/** A template's shape with its parameters blanked: `/dossiers/{dossierId}` → `/dossiers/{}`. */
const shapeOfTemplate = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

/** The web's own page paths (`/dossiers/[id]`), which share some API paths' shapes. */
const pageShapes = new Set(
  sourceFiles(join(webSrc, 'routes'))
    .filter((file) => file.endsWith('+page.svelte'))
    .map((file) => {
      const segments = relative(join(webSrc, 'routes'), file)
        .split('/')
        .slice(0, -1)
        .filter((s) => !/^\(.*\)$/.test(s));
      return shapeOfTemplate(`/${segments.map((s) => s.replace(/^\[.*\]$/, '{}')).join('/')}`);
    }),
);

/** Routes whose path a web page does not also have: a literal of that shape can only be an API path. */
const policed = table.filter((route) => !pageShapes.has(shapeOfTemplate(route.path)));

const matcherOf = (route: RouteDefinition) =>
  new RegExp(`^${route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`);
const matchers = policed.map((route) => ({ id: route.id, matches: matcherOf(route) }));

/** The string literals of a source, a template literal's `${…}` parts standing for one value each. */
const literalsOf = (source: string): string[] =>
  [...source.matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)].map((m) =>
    (m[1] ?? m[2] ?? m[3] ?? '').replace(/\$\{[^}]*\}/g, 'x'),
  );

/** The routes whose path a literal of the source writes by hand. */
const handWrittenRoutes = (source: string): string[] =>
  literalsOf(source).flatMap((literal) => {
    const path = literal.split('?')[0] ?? '';
    return path.startsWith('/') ? matchers.filter((m) => m.matches.test(path)).map((m) => m.id) : [];
  });

describe('API paths in the web', () => {
  it('are recognised when written by hand (the scan can fail)', () => {
    const placeholder = '$' + '{seg(id)}';
    const sample = `request({ method: 'POST', path: \`/dossiers/${placeholder}/withdraw\` }); fetch('/stats/volumes?from=x');`;
    expect(handWrittenRoutes(sample)).toEqual(['withdrawDossier', 'getVolumes']);
    expect(policed.length).toBeGreaterThan(table.length / 2);
  });

  it('are never written by hand: every call names a contract route', () => {
    const found = sourceFiles(webSrc).flatMap((file) => {
      const name = relative(webSrc, file);
      const allowed = typeCheckedPaths[name] ?? [];
      return handWrittenRoutes(readFileSync(file, 'utf8'))
        .filter((id) => !allowed.includes(id))
        .map((id) => `${name}: ${id}`);
    });
    expect(found).toEqual([]);
  });

  it('reach the public pages through types only (no route table in their bundle)', () => {
    const valueImports = sourceFiles(join(webSrc, 'routes/(public)')).flatMap((file) =>
      [
        ...readFileSync(file, 'utf8').matchAll(
          /^import (?!type )[^;]*from '(@socle\/contract[^']*|\$lib\/api[^']*)'/gm,
        ),
      ].map((m) => `${relative(webSrc, file)}: ${m[1]}`),
    );
    expect(valueImports).toEqual([]);
  });
});
