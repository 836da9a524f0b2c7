import { BadRequestException } from '@nestjs/common';
import type { DeviceIngestService } from '@convoy/server/sharing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeOsmAnd } from './osmand.decoder';

/**
 * The OsmAnd protocol (Traccar Client, OsmAnd, GPSLogger), GET or POST: limits per address and key
 * first, then the points, answered `OK` only after they are stored. Throws what the caller answers.
 */
export async function receiveOsmAnd(ingest: DeviceIngestService, request: FastifyRequest, reply: FastifyReply): Promise<string> {
  const decoded = decodeOsmAnd((request.query ?? {}) as Record<string, unknown>, request.body, new Date());
  ingest.limit(decoded?.deviceKey ?? null, request.ip, reply);
  if (!decoded) throw new BadRequestException('No position in this request (lat/lon or location=)');
  await ingest.ingest(decoded.deviceKey, 'osmand', decoded.points);
  reply.type('text/plain; charset=utf-8');
  return 'OK';
}
