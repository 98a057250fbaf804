/**
 * A network's staff member (`T#<tenantId>` / `USER#<id>`). Their sign-in is a separate item, the
 * login (login.ts). Keys: keys.ts (`user`, `usersPrefix`).
 */
import { User } from '@socle/domain';
import type * as z from 'zod';
import { itemReader } from './storedItem.ts';

const UserItem = User;
type StoredUser = z.output<typeof UserItem>;

const userFromItem = itemReader('user', UserItem);

export type { StoredUser };
export { UserItem, userFromItem };
