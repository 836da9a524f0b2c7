import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { MessageDto, MessageThreadDto } from '@convoy/contracts';
import { CurrentPrincipal, ErrorResponseDto, type Principal, RequireRole } from '@convoy/server/auth';
import { MarkReadResponseDto, MessageResponseDto, MessageThreadResponseDto, SendMessageDto, ThreadQueryDto } from './dto/message.dto';
import { MessagesService } from './messages.service';

@ApiTags('messages')
@Controller('api/drivers/:id/messages')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get()
  @ApiOperation({ summary: 'The conversation with a driver, newest last (page back with `before`)' })
  @ApiOkResponse({ type: MessageThreadResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  thread(@Param('id', ParseUUIDPipe) id: string, @Query() query: ThreadQueryDto): Promise<MessageThreadDto> {
    return this.messages.thread(id, query.before ? new Date(query.before) : undefined, query.limit);
  }

  @Post()
  @RequireRole('dispatcher')
  @ApiOperation({
    summary: 'Write to a driver in their own channel (Telegram chat or join page), optionally with quick-reply buttons',
    description: 'Answered once stored (status `sent`); delivery follows (`delivered` / `failed`, socket event `messages`).',
  })
  @ApiCreatedResponse({ type: MessageResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Text empty or over 1,000 characters; more than 6 quick replies or one over 32 characters' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'MESSAGE_DRIVER_CANNOT_RECEIVE: GPS-app, unbound or erased driver' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  send(@Param('id', ParseUUIDPipe) id: string, @Body() body: SendMessageDto, @CurrentPrincipal() principal: Principal): Promise<MessageDto> {
    return this.messages.send(id, body, principal.user);
  }

  @Post('read')
  @HttpCode(200)
  @RequireRole('dispatcher')
  @ApiOperation({ summary: 'Mark the driver’s replies read: the unread count drops to 0 for every dispatcher' })
  @ApiOkResponse({ type: MarkReadResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async markRead(@Param('id', ParseUUIDPipe) id: string): Promise<MarkReadResponseDto> {
    return { read: await this.messages.markRead(id) };
  }
}
