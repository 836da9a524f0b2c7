import 'reflect-metadata';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FirstAdminService } from '@convoy/server/auth';
import { type AppConfig, ConfigValidationError, loadConfig } from '@convoy/server/config';
import { type DatabaseServer, openDatabaseServer } from '@convoy/server/database';
import { WEBHOOK_PATH } from '@convoy/server/bot';
import { GPS_APP_INGEST_PATHS, GPS_APP_OPENAPI_PATHS } from '@convoy/server/gps-apps';
import { ReadinessState } from '@convoy/server/health';
import {
  configureHttpApp,
  ConvoyLogger,
  createFastifyAdapter,
  displayUrl,
  installLeanAsyncResourceBind,
  startupBanner,
} from '@convoy/server/http';
import { LiveAdapter, LiveGateway } from '@convoy/server/live';
import { instrumentHttp } from '@convoy/server/metrics';
import { PositionWriter } from '@convoy/server/tracking';
import { AppModule } from './app.module';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];
/** After this, a shutdown that hangs is cut short (inside Kubernetes' default 30 s grace period). */
const SHUTDOWN_DEADLINE_MS = 25_000;

async function bootstrap(): Promise<void> {
  installLeanAsyncResourceBind(); // before any request: Fastify and Nest bind per request (docs/architecture.md, Hot path)
  const config = loadConfigOrExit();
  const logger = new Logger('Convoy');
  let database: DatabaseServer | undefined;
  let app: NestFastifyApplication | undefined;
  let shuttingDown = false;

  /**
   * Graceful shutdown: readiness goes 503 and load balancers drain for SHUTDOWN_DRAIN_SECONDS; live
   * sockets are told to reconnect (they land on another instance); the position writer flushes; Nest
   * closes (in-flight requests finish, then the database); last, an embedded Postgres stops.
   */
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.log(`${signal} received: shutting down`);
    setTimeout(() => {
      logger.error('Shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    try {
      if (app) {
        app.get(ReadinessState).beginDraining(config.shutdownDrainSeconds);
        await new Promise((r) => setTimeout(r, config.shutdownDrainSeconds * 1000));
        const moved = app.get(LiveGateway).askClientsToReconnect();
        if (moved > 0) logger.log(`Asked ${moved} live clients to reconnect elsewhere`);
        await app.get(PositionWriter).flush();
        await app.close();
      }
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
      createFastifyAdapter(config),
      { logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1), abortOnError: false, bufferLogs: true },
    );
    app.useLogger(app.get(ConvoyLogger));
    instrumentHttp(app);
    await configureHttpApp(app, config, {
      dashboardDir: resolve(__dirname, '../dashboard/browser'),
      withoutSecurityHeaders: [`/${WEBHOOK_PATH}`, ...GPS_APP_INGEST_PATHS.map((path) => `/${path}`)],
      openApiPaths: GPS_APP_OPENAPI_PATHS,
    });
    closeKeptAliveConnectionsWhileDraining(app);
    const live = new LiveAdapter(app);
    await live.connect();
    app.useWebSocketAdapter(live);
    await app.init();
    await app.get(FirstAdminService).ensureFirstAdmin();
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

/**
 * While draining, every answer says `Connection: close`: a client (or proxy) that keeps its
 * connection alive and keeps sending — a readiness probe every 100 ms — would otherwise hold the
 * server's close open until the shutdown deadline. It reconnects, and lands on another instance.
 */
function closeKeptAliveConnectionsWhileDraining(app: NestFastifyApplication): void {
  const readiness = app.get(ReadinessState);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (_request, reply, payload) => {
      if (readiness.draining) reply.header('connection', 'close');
      return payload;
    });
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
