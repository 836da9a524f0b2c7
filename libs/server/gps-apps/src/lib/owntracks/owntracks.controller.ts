import { BadRequestException, Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto, Public } from '@convoy/server/auth';
import { DeviceIngestService } from '@convoy/server/sharing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeOwnTracks } from './owntracks.decoder';

/** OwnTracks' HTTP mode: Basic auth (any user name, password = the device key). */
@ApiTags('driver')
@Controller('ingest/owntracks')
export class OwnTracksController {
  constructor(private readonly ingest: DeviceIngestService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'OwnTracks message; `_type: location` is stored (vel km/h, cog °, tst Unix s), other types are ignored',
    description: 'HTTP Basic auth: any user name, password = the device key.',
  })
  @ApiOkResponse({ description: 'An empty array (no messages for the app)', schema: { type: 'array', items: {}, example: [] } })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async receive(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<[]> {
    const key = basicPassword(request.headers['authorization']);
    this.ingest.limit(key, request.ip, reply);
    const points = decodeOwnTracks(body);
    if (!points) throw new BadRequestException('Not an OwnTracks message');
    if (points.length > 0) await this.ingest.ingest(key, 'owntracks', points);
    else await this.ingest.driverOf(key); // other message types: still only for a known device
    return [];
  }
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
