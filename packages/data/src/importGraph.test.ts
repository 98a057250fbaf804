/**
 * The import graph of every workspace's TypeScript (issue 13): no cycle in any package or across
 * them, and a domain that imports nothing with I/O. Type-only imports count: a cycle of types still
 * ties modules that should stand apart (an entity type lives in one module both sides import).
 * The graph comes from the TypeScript scanner (`preProcessFile`), resolved as the workspaces do:
 * relative paths with their extension, `@socle/*` through each package's `exports`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Source trees whose modules are walked (tests included: a test importing in a cycle still loops). */
const sourceDirs = ['packages', 'functions/src', 'infra/bin', 'infra/lib'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'cdk.out' || name === 'fixtures') return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });

/** `@socle/<name>` export maps, read from each workspace's package.json. */
const workspaceExports = new Map<string, { dir: string; exports: Record<string, string> }>(
  [
    'packages/contract',
    'packages/data',
    'packages/documents',
    'packages/domain',
    'packages/testing',
    'packages/tooling',
    'functions',
  ].map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    return [pkg.name as string, { dir: join(root, dir), exports: pkg.exports ?? {} }];
  }),
);

const resolveWorkspace = (specifier: string): string | undefined => {
  const [scope, name, ...rest] = specifier.split('/');
  const workspace = workspaceExports.get(`${scope}/${name}`);
  if (!workspace) return undefined;
  const subpath = rest.length === 0 ? '.' : `./${rest.join('/')}`;
  for (const [pattern, target] of Object.entries(workspace.exports)) {
    if (pattern === subpath) return join(workspace.dir, target);
    if (pattern.endsWith('*') && subpath.startsWith(pattern.slice(0, -1))) {
      return join(workspace.dir, target.replace('*', subpath.slice(pattern.length - 1)));
    }
  }
  return undefined;
};

const resolveImport = (from: string, specifier: string): string | undefined => {
  if (specifier.startsWith('@socle/')) return resolveWorkspace(specifier);
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, join(base, 'index.ts')].find(
    (path) => path.endsWith('.ts') && existsSync(path),
  );
};

interface Graph {
  readonly edges: Map<string, string[]>;
  readonly specifiers: Map<string, string[]>;
}

const buildGraph = (): Graph => {
  const edges = new Map<string, string[]>();
  const specifiers = new Map<string, string[]>();
  for (const file of sourceDirs.flatMap((dir) => sourceFiles(join(root, dir)))) {
    const imported = ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((f) => f.fileName);
    specifiers.set(file, imported);
    edges.set(
      file,
      imported.map((s) => resolveImport(file, s)).filter((path): path is string => path !== undefined),
    );
  }
  return { edges, specifiers };
};

/** Strongly connected components of more than one module (or a module importing itself): cycles. */
const cycles = (edges: Map<string, string[]>): string[][] => {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of edges.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node) as number, low.get(target) as number));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node) as number, index.get(target) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (edges.get(node) ?? []).includes(node)) found.push(component.sort());
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found.map((component) => component.map((path) => relative(root, path)));
};

describe('import graph', () => {
  const graph = buildGraph();

  it('resolves the workspaces’ own imports (the walk sees the real graph)', () => {
    const dataIndex = join(root, 'packages/data/src/index.ts');
    expect(graph.edges.get(dataIndex)?.length).toBeGreaterThan(10);
    expect(graph.edges.get(dataIndex)).toContain(join(root, 'packages/data/src/dossiers.ts'));
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const edges = new Map([
      ['/a.ts', ['/b.ts']],
      ['/b.ts', ['/c.ts']],
      ['/c.ts', ['/a.ts']],
      ['/d.ts', ['/a.ts']],
    ]);
    expect(cycles(edges)).toHaveLength(1);
    expect(cycles(edges)[0]).toHaveLength(3);
  });

  it('has no import cycle in any package', () => {
    expect(cycles(graph.edges)).toEqual([]);
  });

  it('keeps the domain free of I/O: no node:*, AWS SDK or data layer import outside its tests', () => {
    const domain = join(root, 'packages/domain/src');
    const io = [...graph.specifiers]
      .filter(([file]) => file.startsWith(domain) && !file.endsWith('.test.ts'))
      .flatMap(([file, imported]) =>
        imported
          .filter((s) =>
            /^(node:|@aws-sdk\/|@socle\/(data|documents|testing|tooling|functions)\b|fs$|path$)/.test(s),
          )
          .map((s) => `${relative(root, file)} → ${s}`),
      );
    expect(io).toEqual([]);
  });
});
