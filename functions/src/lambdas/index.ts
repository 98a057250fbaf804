/** Every API Lambda entry by name (the local server loads them all; AWS bundles each alone). */
import type { LambdaName } from '@socle/contract/routeTypes';
import { handler as certificates } from './certificates.ts';
import { handler as documents } from './documents.ts';
import { handler as dossiers } from './dossiers.ts';
import { handler as evaluations } from './evaluations.ts';
import { handler as juries } from './juries.ts';
import { handler as meta } from './meta.ts';
import { handler as network } from './network.ts';
import { handler as platform } from './platform.ts';
import { handler as privacy } from './privacy.ts';
import { handler as referentiels } from './referentiels.ts';
import { handler as stats } from './stats.ts';
import { handler as verification } from './verification.ts';

const lambdas: Record<LambdaName, typeof meta> = {
  meta,
  platform,
  network,
  dossiers,
  referentiels,
  evaluations,
  documents,
  juries,
  verification,
  certificates,
  privacy,
  stats,
};

export { lambdas };
