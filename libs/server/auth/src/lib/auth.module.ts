import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@convoy/server/config';
import { ApiTokensController } from './controllers/api-tokens.controller';
import { AuthController } from './controllers/auth.controller';
import { UsersController } from './controllers/users.controller';
import { APP_SECRET, appSecretProvider } from './crypto/app-secret.provider';
import { OpaqueTokens } from './crypto/opaque-tokens';
import { PasswordHasher } from './crypto/password-hasher';
import { AUTH_ENTITIES } from './auth.schema';
import { HashingBusyFilter } from './filters/hashing-busy.filter';
import { PersonOnlyGuard } from './guards/person-only.guard';
import { AuthenticationGuard } from './guards/authentication.guard';
import { RolesGuard } from './guards/roles.guard';
import { CredentialEvents } from './revocation/credential-events.service';
import { ApiTokensService } from './services/api-tokens.service';
import { AuthenticationService } from './services/authentication.service';
import { FirstAdminService } from './services/first-admin.service';
import { SessionsService } from './services/sessions.service';
import { UsersService } from './services/users.service';
import { signInThrottlerOptions } from './throttling/sign-in-throttlers';

/**
 * Managers' accounts, sessions and integrator tokens, and the global guards that make every route
 * require a principal unless it is @Public().
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(AUTH_ENTITIES),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: signInThrottlerOptions,
    }),
  ],
  controllers: [AuthController, UsersController, ApiTokensController],
  providers: [
    appSecretProvider,
    OpaqueTokens,
    PasswordHasher,
    UsersService,
    SessionsService,
    ApiTokensService,
    AuthenticationService,
    FirstAdminService,
    CredentialEvents,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
    { provide: APP_GUARD, useClass: PersonOnlyGuard },
    { provide: APP_FILTER, useClass: HashingBusyFilter },
  ],
  exports: [AuthenticationService, FirstAdminService, UsersService, SessionsService, CredentialEvents, APP_SECRET],
})
export class AuthModule {}
