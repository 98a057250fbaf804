/** Where the infrastructure finds the code it packages, relative to the repository root. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface RepoPaths {
  /** The `functions` workspace; Lambda entries are `src/lambdas/<name>.ts`. */
  readonly functionsDir: string;
  /** The root lock file: its folder is the bundling root, where workspaces resolve. */
  readonly depsLockFilePath: string;
  /** The web app's static build output (may not exist). */
  readonly webBuildDir: string;
  /**
   * The `ttf` folder of the `dejavu-fonts-ttf` package, as the functions resolve it: the PDF fonts
   * copied into the documents bundle (packages/documents/src/fonts.ts).
   */
  readonly pdfFontDir: string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Where the package resolves from `fromDir` (throws when it is not installed). */
const packageDir = (fromDir: string, name: string) =>
  dirname(createRequire(join(fromDir, 'package.json')).resolve(`${name}/package.json`));

const repoPaths = (root: string = repoRoot): RepoPaths => {
  const functionsDir = join(root, 'functions');
  return {
    functionsDir,
    depsLockFilePath: join(root, 'package-lock.json'),
    webBuildDir: join(root, 'web', 'build'),
    pdfFontDir: join(packageDir(functionsDir, 'dejavu-fonts-ttf'), 'ttf'),
  };
};

/** The entry file of a Lambda: `functions/src/lambdas/<name>.ts`, exporting `handler`. */
const lambdaEntry = (functionsDir: string, name: string) =>
  join(functionsDir, 'src', 'lambdas', `${name}.ts`);

export type { RepoPaths };
export { lambdaEntry, repoPaths, repoRoot };
