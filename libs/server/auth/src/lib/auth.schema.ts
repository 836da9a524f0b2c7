import { ApiTokenEntity } from './entities/api-token.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { CreateAccounts1795478400000 } from './migrations/1795478400000-CreateAccounts';

/** The tables this lib owns, and their committed history; the app composes every lib's lists. */
export const AUTH_ENTITIES = [UserEntity, SessionEntity, ApiTokenEntity];
export const AUTH_MIGRATIONS = [CreateAccounts1795478400000];
