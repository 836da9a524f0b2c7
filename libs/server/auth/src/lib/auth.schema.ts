import { ApiTokenEntity } from './entities/api-token.entity';
import { SessionEntity } from './entities/session.entity';
import { UserEntity } from './entities/user.entity';
import { CreateAccounts1795478400000 } from './migrations/1795478400000-CreateAccounts';
import { AddMustChangePassword1796119200000 } from './migrations/1796119200000-AddMustChangePassword';

/** The tables this lib owns, and their committed history; the app composes every lib's lists. */
export const AUTH_ENTITIES = [UserEntity, SessionEntity, ApiTokenEntity];
export const AUTH_MIGRATIONS = [CreateAccounts1795478400000, AddMustChangePassword1796119200000];
