import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AppConfig } from '@convoy/server/config';
import { UsersService } from './users.service';

export const DEFAULT_ADMIN_EMAIL = 'admin@convoy.local';

/** What the start-up banner shows about the first sign-in. */
export interface FirstSignIn {
  email: string;
  /** Present only when Convoy generated it this start: it is shown once and never stored in clear. */
  generatedPassword: string | null;
  createdNow: boolean;
}

/**
 * First start with no users: create the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or with a
 * generated password that the banner prints once. Never touches existing users.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);
  private result: FirstSignIn | null = null;

  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.admin.email ?? DEFAULT_ADMIN_EMAIL;
    const generatedPassword = this.config.admin.password ? null : randomBytes(12).toString('base64url');
    const created = await this.users.createFirstAdmin(email, this.config.admin.password ?? (generatedPassword as string));
    this.result = { email, generatedPassword: created ? generatedPassword : null, createdNow: !!created };
    if (created) this.logger.log(`Created the first admin: ${email}`);
  }

  get firstSignIn(): FirstSignIn | null {
    return this.result;
  }
}
