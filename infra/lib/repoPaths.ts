/** Where the infrastructure finds the code it packages, relative to the repository root. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface RepoPaths {
  /** The `functions` workspace; Lambda entries are `src/lambdas/<name>.ts`. */
  readonly functionsDir: string;
  /** The root lock file: its folder is the bundling root, where workspaces resolve. */
  readonly depsLockFilePath: string;
  /** The web app's static build output (may not exist). */
  readonly webBuildDir: string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const repoPaths = (root: string = repoRoot): RepoPaths => ({
  functionsDir: join(root, 'functions'),
  depsLockFilePath: join(root, 'package-lock.json'),
  webBuildDir: join(root, 'web', 'build'),
});

/** The entry file of a Lambda: `functions/src/lambdas/<name>.ts`, exporting `handler`. */
const lambdaEntry = (functionsDir: string, name: string) =>
  join(functionsDir, 'src', 'lambdas', `${name}.ts`);

export type { RepoPaths };
export { lambdaEntry, repoPaths, repoRoot };
