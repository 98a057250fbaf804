/** Network admin: organisms and staff. */
import {
  IdParam,
  Organism,
  OrganismCreate,
  OrganismUpdate,
  User,
  UserInvite,
  UserUpdate,
  Role,
} from '@socle/domain';
import * as z from 'zod';
import { LambdaName } from '../routeTypes.ts';
import type { RouteDefinition } from '../routeTypes.ts';
import { STAFF } from './roles.ts';

const R = Role;

const networkRoutes = [
  {
    id: 'listOrganisms',
    method: 'GET',
    path: '/organisms',
    lambda: LambdaName.NETWORK,
    scope: 'tenant',
    roles: STAFF,
    summary: "The network's organisms",
    response: { status: 200, schema: z.object({ items: z.array(Organism) }) },
  },
  {
    id: 'createOrganism',
    method: 'POST',
    path: '/organisms',
    lambda: LambdaName.NETWORK,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: 'Add an organism (evaluation and/or training site)',
    request: { body: OrganismCreate },
    response: { status: 201, schema: Organism },
    idempotent: true,
  },
  {
    id: 'getOrganism',
    method: 'GET',
    path: '/organisms/{organismId}',
    lambda: LambdaName.NETWORK,
    scope: 'tenant',
    roles: STAFF,
    summary: 'Read an organism',
    request: { params: IdParam('organismId') },
    response: { status: 200, schema: Organism },
  },
  {
    id: 'updateOrganism',
    method: 'PATCH',
    path: '/organisms/{organismId}',
    lambda: LambdaName.NETWORK,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: 'Edit an organism',
    request: { params: IdParam('organismId'), body: OrganismUpdate },
    response: { status: 200, schema: Organism },
  },
  {
    id: 'listUsers',
    method: 'GET',
    path: '/users',
    lambda: LambdaName.NETWORK,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: "The network's staff",
    response: { status: 200, schema: z.object({ items: z.array(User) }) },
  },
  {
    id: 'inviteUser',
    method: 'POST',
    path: '/users',
    lambda: LambdaName.NETWORK,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary:
      'Invite a staff member with roles, organisms and accreditations: the login and the Cognito account are made together or not at all (409 invitation_not_sent: nothing kept, send again); an address used elsewhere on the platform gets the generic 400 email_unavailable',
    request: { body: UserInvite },
    response: { status: 201, schema: User },
    idempotent: true,
  },
  {
    id: 'getUser',
    method: 'GET',
    path: '/users/{userId}',
    lambda: LambdaName.NETWORK,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: 'Read a staff member',
    request: { params: IdParam('userId') },
    response: { status: 200, schema: User },
  },
  {
    id: 'updateUser',
    method: 'PATCH',
    path: '/users/{userId}',
    lambda: LambdaName.NETWORK,
    scope: 'tenant',
    roles: [R.NETWORK_ADMIN],
    summary: 'Edit roles, organisms, accreditations, or disable a staff member',
    request: { params: IdParam('userId'), body: UserUpdate },
    response: { status: 200, schema: User },
  },
] as const satisfies readonly RouteDefinition[];

export { networkRoutes };
