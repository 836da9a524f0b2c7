import { Injectable, Logger } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppConfig } from '@convoy/server/config';
import { generateOneTimePassword } from '../crypto/one-time-password';
import { UsersService } from './users.service';

export const DEFAULT_ADMIN_EMAIL = 'admin@convoy.local';
/** In production a generated first-admin password goes here (mode 0600), never to the log. */
export const FIRST_ADMIN_PASSWORD_FILE = 'first-admin-password';

/** What the start-up banner shows about the first sign-in. */
export interface FirstSignIn {
  email: string;
  /**
   * Present only outside production when Convoy generated it this start: shown once, never
   * stored in clear. In production it is never printed (see `passwordFile`).
   */
  generatedPassword: string | null;
  /** Production, generated: the 0600 file under DATA_DIR that holds the one-time password. */
  passwordFile: string | null;
  createdNow: boolean;
}

/**
 * First start with no users: create the admin from ADMIN_EMAIL / ADMIN_PASSWORD, or with a
 * generated one-time password — printed once by the banner in development, written to a 0600 file
 * under DATA_DIR in production. Either way the admin must change it at the first sign-in.
 * Never touches existing users. Called by the server's main.ts before it listens (not by the CLI,
 * which must not create an admin behind the operator's back).
 */
@Injectable()
export class FirstAdminService {
  private readonly logger = new Logger(FirstAdminService.name);
  private result: FirstSignIn | null = null;

  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  async ensureFirstAdmin(): Promise<void> {
    const email = this.config.admin.email ?? DEFAULT_ADMIN_EMAIL;
    if (await this.users.hasAnyUser()) {
      this.result = { email, generatedPassword: null, passwordFile: null, createdNow: false };
      return;
    }
    const generated = this.config.admin.password ? null : generateOneTimePassword();
    const password = this.config.admin.password ?? (generated as string);
    // in production the generated password must be safely on disk before an admin exists with it
    const passwordFile = generated && this.config.isProduction ? await this.writePasswordFile(generated) : null;
    const created = await this.users.createFirstAdmin(email, password);
    this.result = {
      email,
      generatedPassword: created && generated && !passwordFile ? generated : null,
      passwordFile: created ? passwordFile : null,
      createdNow: !!created,
    };
    if (!created) return;
    if (passwordFile) {
      this.logger.log(
        `Created the first admin: ${email}. Its one-time password is in ${passwordFile} (readable by this user only); ` +
          'sign in, change it, then delete the file',
      );
    } else {
      this.logger.log(`Created the first admin: ${email} (the password must be changed at the first sign-in)`);
    }
  }

  get firstSignIn(): FirstSignIn | null {
    return this.result;
  }

  private async writePasswordFile(password: string): Promise<string> {
    const file = join(this.config.dataDir, FIRST_ADMIN_PASSWORD_FILE);
    try {
      await mkdir(this.config.dataDir, { recursive: true, mode: 0o700 });
      // 'w' with mode: a new file is created 0600; an existing one (a failed earlier start) is replaced
      await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'w' });
      return file;
    } catch (error) {
      throw new Error(
        `No user exists yet and ADMIN_PASSWORD is not set, so the first admin's one-time password would go to ${file}, ` +
          `which cannot be written (${(error as Error).message}). Set ADMIN_EMAIL and ADMIN_PASSWORD, or make DATA_DIR writable.`,
      );
    }
  }
}
