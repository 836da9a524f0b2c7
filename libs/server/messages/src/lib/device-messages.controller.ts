import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { MessageDto } from '@convoy/contracts';
import { bearerToken, ErrorResponseDto, Public } from '@convoy/server/auth';
import { DeviceIngestService } from '@convoy/server/sharing';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MessageResponseDto, QuickReplyTapDto } from './dto/message.dto';
import { driverCannotReceive } from './messages.errors';
import { MessagesService } from './messages.service';

/**
 * The browser channel's side of messages: the join page (device key as Bearer token) polls its
 * thread while it is open — fetching is what delivers a message there — and taps quick replies.
 */
@ApiTags('driver')
@Controller('api/track/messages')
export class DeviceMessagesController {
  constructor(
    private readonly ingest: DeviceIngestService,
    private readonly messages: MessagesService,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'The driver’s conversation with dispatch (browser channel); what was waiting is now delivered' })
  @ApiOkResponse({ type: [MessageResponseDto] })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto, description: 'Unknown or disconnected device key' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'A GPS app’s key: apps cannot show messages' })
  @ApiTooManyRequestsResponse({ type: ErrorResponseDto })
  async list(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MessageDto[]> {
    const driverId = await this.browserDriver(request, reply);
    return this.messages.threadForDevice(driverId);
  }

  @Post(':messageId/reply')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'The driver tapped one of a message’s quick replies on the join page' })
  @ApiOkResponse({ type: MessageResponseDto, description: 'The stored reply' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'Not an option of that message, or it was already answered' })
  async tap(
    @Param('messageId', ParseUUIDPipe) messageId: string,
    @Body() body: QuickReplyTapDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MessageDto> {
    const driverId = await this.browserDriver(request, reply);
    return this.messages.tapFromDevice(driverId, messageId, body.option);
  }

  private async browserDriver(request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const key = bearerToken(request);
    this.ingest.limit(key, request.ip, reply);
    const { driverId, channel } = await this.ingest.driverOf(key);
    if (channel !== 'browser') throw driverCannotReceive('GPS apps cannot show messages');
    return driverId;
  }
}
