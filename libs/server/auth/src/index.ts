export * from './lib/auth.module';
export * from './lib/principal';
export * from './lib/decorators/public.decorator';
export * from './lib/decorators/roles.decorator';
export * from './lib/decorators/current-principal.decorator';
export * from './lib/dto/error-response.dto';
export * from './lib/rate-limit/token-buckets';
export * from './lib/guards/authentication.guard';
export * from './lib/services/authentication.service';
export * from './lib/services/first-admin.service';
export { UserEntity } from './lib/entities/user.entity';
export { SessionEntity } from './lib/entities/session.entity';
export { ApiTokenEntity } from './lib/entities/api-token.entity';
export { CreateAccounts1795478400000 } from './lib/migrations/1795478400000-CreateAccounts';

export { AUTH_ENTITIES, AUTH_MIGRATIONS } from './lib/auth.schema';
