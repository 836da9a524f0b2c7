import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationDto, NotificationListDto, NotificationsReadDto } from '@convoy/contracts';
import { CurrentPrincipal, ErrorResponseDto, type Principal } from '@convoy/server/auth';
import { NotificationListQueryDto, NotificationListResponseDto, NotificationResponseDto, NotificationsReadResponseDto } from '../dto/notification.dto';
import { InboxService } from './inbox.service';

@ApiTags('notifications')
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({ summary: "The caller's inbox, newest first (`before` = the last createdAt of the previous page), and their unread count" })
  @ApiOkResponse({ type: NotificationListResponseDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: NotificationListQueryDto): Promise<NotificationListDto> {
    return this.inbox.list(principal.user.id, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Mark every entry of the caller's inbox read" })
  @ApiOkResponse({ type: NotificationsReadResponseDto })
  readAll(@CurrentPrincipal() principal: Principal): Promise<NotificationsReadDto> {
    return this.inbox.markAllRead(principal.user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one entry read (idempotent)' })
  @ApiOkResponse({ type: NotificationResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: "Not an entry of the caller's inbox (NOTIFICATION_NOT_FOUND)" })
  read(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<NotificationDto> {
    return this.inbox.markRead(principal.user.id, id);
  }
}
