import { BadRequestException } from '@nestjs/common';
import type { DeviceIngestService } from '@convoy/server/sharing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeOwnTracks } from './owntracks.decoder';

/**
 * OwnTracks' HTTP mode: Basic auth (any user name, password = the device key); `_type: location`
 * is stored, other message types are accepted for a known device and ignored. Answers `[]` (no
 * messages for the app) after the commit. Throws what the caller answers.
 */
export async function receiveOwnTracks(ingest: DeviceIngestService, request: FastifyRequest, reply: FastifyReply): Promise<[]> {
  const key = basicPassword(request.headers['authorization']);
  ingest.limit(key, request.ip, reply);
  const points = decodeOwnTracks(request.body);
  if (!points) throw new BadRequestException('Not an OwnTracks message');
  if (points.length > 0) await ingest.ingest(key, 'owntracks', points);
  else await ingest.driverOf(key); // other message types: still only for a known device
  return [];
}

/** The password of `Authorization: Basic base64(user:password)`. */
export function basicPassword(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value?.match(/^Basic\s+([A-Za-z0-9+/=]+)$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : decoded.slice(colon + 1);
}
