import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import type { AppConfig } from '@convoy/server/config';
import { LoggerModule } from 'nestjs-pino';
import { ConvoyLogger } from './convoy-logger';

const NEST_TO_PINO = { error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' } as const;
/** Probes and scrapes every few seconds would drown the request log. */
const QUIET_PATHS = /^\/(health|metrics)(\/|$|\?)/;
type RoutedMessage = IncomingMessage & { originalUrl?: string };

/**
 * Structured logs (pino): one JSON object per line in production, readable lines in development when
 * pino-pretty is installed. Every request gets an id (X-Request-Id is honoured and echoed) that all
 * its log lines carry; secrets in headers are redacted.
 */
export interface LoggingOptions {
  /**
   * The routes that get a request log line and a per-request logger: Nest's routes (path patterns as
   * in `forRoutes`). Routes machines call once per position (the Telegram webhook, GPS-app ingest)
   * are plain Fastify routes and stay out: at thousands of requests a second a line each would be most
   * of the log and ~5 % of the CPU, and even excluding them costs Nest's middleware its exclusion
   * check on every such request (~3 % of the API's CPU at saturation); their handlers log their own
   * failures and /metrics counts every answer by status. Default: every route.
   */
  loggedRoutes?: string[];
}

@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, options: LoggingOptions = {}): DynamicModule {
    const pretty = !config.isProduction && canResolve('pino-pretty');
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: (options.loggedRoutes ?? ['*path']).map((path) => ({ path, method: RequestMethod.ALL })),
          pinoHttp: {
            level: NEST_TO_PINO[config.logLevel],
            transport: pretty ? { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' } } : undefined,
            // Fastify assigns the id (X-Request-Id honoured, see createFastifyAdapter); log lines reuse it
            genReqId: (request: IncomingMessage) => request.id ?? randomUUID(),
            // Fastify's middleware engine (middie) strips the matched route from `url` before this runs
            autoLogging: {
              ignore: (request: IncomingMessage) => QUIET_PATHS.test((request as RoutedMessage).originalUrl ?? request.url ?? ''),
            },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-telegram-bot-api-secret-token"]', 'res.headers["set-cookie"]'],
            customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
          },
        }),
      ],
      providers: [ConvoyLogger],
      exports: [ConvoyLogger],
    };
  }
}

/** Resolved at run time from the working directory (a webpack bundle's own `require` cannot). */
function canResolve(name: string): boolean {
  try {
    createRequire(`${process.cwd()}/`).resolve(name);
    return true;
  } catch {
    return false;
  }
}
