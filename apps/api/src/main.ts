import 'reflect-metadata';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FirstAdminService } from '@convoy/server/auth';
import { type AppConfig, ConfigValidationError, loadConfig } from '@convoy/server/config';
import { type DatabaseServer, openDatabaseServer } from '@convoy/server/database';
import { configureHttpApp, createFastifyAdapter, displayUrl, startupBanner } from '@convoy/server/http';
import { LiveAdapter } from '@convoy/server/live';
import { AppModule } from './app.module';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const logger = new Logger('Convoy');
  let database: DatabaseServer | undefined;
  let app: NestFastifyApplication | undefined;

  const shutdown = async (signal: string) => {
    logger.log(`${signal} received: shutting down`);
    try {
      await app?.close();
    } finally {
      await database?.stop();
    }
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    database = await openDatabaseServer(config);
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.register({ config, databaseUrl: database.url }),
      createFastifyAdapter(),
      { logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1), abortOnError: false },
    );
    await configureHttpApp(app, config, { dashboardDir: resolve(__dirname, '../dashboard/browser') });
    const live = new LiveAdapter(app);
    await live.connect();
    app.useWebSocketAdapter(live);
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    logger.error(`Convoy could not start: ${error instanceof Error ? error.message : String(error)}`);
    await app?.close().catch(() => undefined);
    await database?.stop().catch(() => undefined);
    process.exit(1);
  }

  const port = (app.getHttpServer().address() as AddressInfo).port;
  console.log(
    startupBanner(config, {
      url: displayUrl(config, port),
      database: database.embedded ? `embedded Postgres in ${config.dataDir}` : 'DATABASE_URL',
      firstSignIn: app.get(FirstAdminService).firstSignIn,
    }),
  );
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig(process.env, { readDotEnv: true });
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    console.error(`${error.message}\nSee .env.example for every variable and its format.`);
    process.exit(1);
  }
}

void bootstrap();
