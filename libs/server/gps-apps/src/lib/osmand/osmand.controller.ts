import { BadRequestException, Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseDto, Public } from '@convoy/server/auth';
import { DeviceIngestService } from '@convoy/server/sharing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeOsmAnd } from './osmand.decoder';

/** The OsmAnd protocol (Traccar Client, OsmAnd, GPSLogger): answered 200 only after the point is stored. */
@ApiTags('driver')
@Controller('ingest/osmand')
export class OsmAndController {
  constructor(private readonly ingest: DeviceIngestService) {}

  @Get()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'OsmAnd protocol point (GET with query fields)',
    description:
      '`id` or `deviceid` = the device key; `lat`+`lon` or `location=lat,lon`; `timestamp` Unix s, Unix ms or ISO (missing = now); `speed` knots; `bearing`/`heading`; `altitude`; `accuracy`/`hdop`; `batt` %.',
  })
  @ApiQuery({ name: 'id', required: true, description: 'The device key' })
  @ApiOkResponse({ description: 'Stored' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown or disconnected device key: nothing stored' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  get(@Query() query: Record<string, unknown>, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return this.receive(query, undefined, request, reply);
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: "OsmAnd protocol point (POST: query or form fields, or Traccar Client's JSON body)" })
  @ApiOkResponse({ description: 'Stored' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  post(
    @Query() query: Record<string, unknown>,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return this.receive(query, body, request, reply);
  }

  private async receive(query: Record<string, unknown>, body: unknown, request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const decoded = decodeOsmAnd(query, body, new Date());
    this.ingest.limit(decoded?.deviceKey ?? null, request.ip, reply);
    if (!decoded) throw new BadRequestException('No position in this request (lat/lon or location=)');
    await this.ingest.ingest(decoded.deviceKey, 'osmand', decoded.points);
    reply.header('content-type', 'text/plain; charset=utf-8');
    return 'OK';
  }
}
