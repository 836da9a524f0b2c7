import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { DeviceIngestService } from '@convoy/server/sharing';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendIngestError } from './ingest-answers';
import { receiveOsmAnd } from './osmand/osmand.route';
import { receiveOwnTracks } from './owntracks/owntracks.route';

type Receive = (ingest: DeviceIngestService, request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/**
 * Registers `/ingest/osmand` (GET, POST) and `/ingest/owntracks` (POST) on a Fastify instance as plain
 * routes: one request per point, so no Nest router, guards, interceptors or pipes — the device key is
 * the authentication (DeviceIngestService), the limits and answers are the ones the Nest controllers
 * had, and the instance's hooks (request id, metrics, the drain's Connection: close) and body parsers
 * and limit apply as to every route. Documented in the OpenAPI document by `GPS_APP_OPENAPI_PATHS`.
 */
export function registerGpsAppRoutes(fastify: FastifyInstance, ingest: DeviceIngestService, logger: { error(message: string): void }): void {
  const handler = (receive: Receive) => async (request: FastifyRequest, reply: FastifyReply) => {
    try {
      return await receive(ingest, request, reply);
    } catch (error) {
      return sendIngestError(reply, error, logger);
    }
  };
  fastify.route({ method: ['GET', 'POST'], url: '/ingest/osmand', handler: handler(receiveOsmAnd) });
  fastify.route({ method: 'POST', url: '/ingest/owntracks', handler: handler(receiveOwnTracks) });
}

/** Puts the GPS-app routes on Nest's Fastify instance while the app initialises. */
@Injectable()
export class GpsAppRoutes implements OnModuleInit {
  private readonly logger = new Logger('GpsAppIngest');

  constructor(
    private readonly ingest: DeviceIngestService,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.route) return; // an application context without HTTP (CLI)
    registerGpsAppRoutes(fastify, this.ingest, this.logger);
  }
}
