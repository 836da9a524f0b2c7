import { BadRequestException, Body, Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { TrackResponse } from '@convoy/contracts';
import { bearerToken, ErrorResponseDto, Public } from '@convoy/server/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DeviceIngestService } from '../devices/device-ingest.service';
import { TrackPointDto, TrackResponseDto } from '../join/join.dto';
import { decodeTrackBody } from './track-body.decoder';

/** The browser channel: the join page posts its points here with the device key as Bearer token. */
@ApiTags('driver')
@ApiExtraModels(TrackPointDto)
@Controller('api/track')
export class TrackController {
  constructor(private readonly ingest: DeviceIngestService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Send one point or an array of points (browser channel); answered after they are stored',
    description: 'Authorization: Bearer <deviceKey>. Speed in m/s, heading 0–360 (-1 = unknown), recordedAt ISO 8601.',
  })
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(TrackPointDto) }, { type: 'array', items: { $ref: getSchemaPath(TrackPointDto) } }] } })
  @ApiOkResponse({ type: TrackResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown or disconnected device key' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto, description: 'Above the rate limit: retry after Retry-After seconds' })
  async track(@Body() body: unknown, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<TrackResponse> {
    const key = bearerToken(request);
    this.ingest.limit(key, request.ip, reply);
    const points = decodeTrackBody(body);
    if (!points) throw new BadRequestException('Send {lat, lon, recordedAt, …} or an array of them');
    return { accepted: await this.ingest.ingest(key, 'browser', points) };
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'The driver stopped sharing (status sharing-ended, like Telegram’s stop)' })
  @ApiNoContentResponse({ description: 'Sharing ended' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  async stop(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const key = bearerToken(request);
    this.ingest.limit(key, request.ip, reply);
    await this.ingest.stop(key);
  }
}


