/** Every API Lambda entry by name (the local server loads them all; AWS bundles each alone). */
import type { LambdaName } from '../routeTypes.ts';
import { handler as dossiers } from './dossiers.ts';
import { handler as meta } from './meta.ts';
import { handler as network } from './network.ts';
import { handler as platform } from './platform.ts';

const lambdas: Record<LambdaName, typeof meta> = { meta, platform, network, dossiers };

export { lambdas };
