import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { HttpException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { UsersService } from '@convoy/server/auth';
import { ConfigValidationError, loadConfig } from '@convoy/server/config';
import { type DatabaseServer, openDatabaseServer } from '@convoy/server/database';
import { CliModule } from './cli/cli.module';
import { type CommandResult, createUser, listUsers, parseRole, resetPassword, UsageError } from './cli/users-commands';

const USAGE = `Convoy account recovery (no SQL needed). Uses the same configuration as the server (.env, DATABASE_URL).

Usage: node dist/apps/api/cli.js <command> [options]     (npm run convoy -- <command> …)

  users:list                                  every user, role, status and last sign-in
  users:create <email> [--role <role>]        a new user (role admin, dispatcher or viewer; default admin)
                                              with a one-time password printed once
  users:reset-password <email>                a new one-time password; every session of the user ends

One-time passwords must be changed at the next sign-in.`;

async function run(argv: string[]): Promise<CommandResult> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, email, ...extra] = positionals;
  if (values.help || !command) return { output: USAGE, exitCode: command || values.help ? 0 : 2 };
  const needsEmail = command === 'users:create' || command === 'users:reset-password';
  if (!['users:list', 'users:create', 'users:reset-password'].includes(command)) throw new UsageError(`Unknown command: ${command}`);
  if (needsEmail && !email) throw new UsageError(`${command} needs an email address`);
  if (extra.length > 0 || (!needsEmail && email)) throw new UsageError(`Unexpected argument: ${[email, ...extra].filter(Boolean).join(' ')}`);
  if (values.role !== undefined && command !== 'users:create') throw new UsageError('--role belongs to users:create');
  const role = command === 'users:create' ? parseRole(values.role) : undefined;

  const config = loadConfig(process.env, { readDotEnv: true });
  let database: DatabaseServer | undefined;
  try {
    database = await openDatabaseServer(config);
    const context = await NestFactory.createApplicationContext(CliModule.register({ config, databaseUrl: database.url }), {
      logger: ['error', 'warn'],
      abortOnError: false,
    });
    try {
      const users = context.get(UsersService);
      if (command === 'users:list') return await listUsers(users);
      if (command === 'users:create') return await createUser(users, email, role as NonNullable<typeof role>);
      return await resetPassword(users, email);
    } finally {
      await context.close();
    }
  } finally {
    await database?.stop();
  }
}

function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: `${error.message}\n\n${USAGE}`, exitCode: 2 };
  if (error instanceof ConfigValidationError) return { message: error.message, exitCode: 2 };
  if (error instanceof HttpException) {
    const body = error.getResponse() as { message?: string } | string;
    return { message: typeof body === 'string' ? body : (body.message ?? error.message), exitCode: 1 };
  }
  if ((error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    return { message: `${(error as Error).message}\n\n${USAGE}`, exitCode: 2 };
  }
  return { message: error instanceof Error ? error.message : String(error), exitCode: 1 };
}

run(process.argv.slice(2)).then(
  ({ output, exitCode }) => {
    console.log(output);
    process.exit(exitCode);
  },
  (error: unknown) => {
    const { message, exitCode } = describeError(error);
    console.error(message);
    process.exit(exitCode);
  },
);
