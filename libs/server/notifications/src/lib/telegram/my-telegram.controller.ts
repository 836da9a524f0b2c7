import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { MyTelegramDto, TelegramLinkDto } from '@convoy/contracts';
import { CurrentPrincipal, ErrorResponseDto, PersonOnly, type Principal } from '@convoy/server/auth';
import { MyTelegramResponseDto, TelegramLinkResponseDto } from '../dto/notification.dto';
import { TelegramAccountsService } from './telegram-accounts.service';

/** The signed-in user's own Telegram chat, where their alerts arrive. */
@ApiTags('me')
@Controller('api/me/telegram')
export class MyTelegramController {
  constructor(private readonly accounts: TelegramAccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Whether your Telegram chat is linked (and muted)' })
  @ApiOkResponse({ type: MyTelegramResponseDto })
  mine(@CurrentPrincipal() principal: Principal): Promise<MyTelegramDto> {
    return this.accounts.mine(principal.user.id);
  }

  @Delete()
  @HttpCode(204)
  @PersonOnly()
  @ApiOperation({ summary: 'Unlink your Telegram chat: no more alerts there' })
  @ApiNoContentResponse()
  async unlink(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.accounts.unlinkUser(principal.user.id);
  }
}

@ApiTags('me')
@Controller('api/me/telegram-link')
export class MyTelegramLinkController {
  constructor(private readonly accounts: TelegramAccountsService) {}

  @Post()
  @PersonOnly()
  @ApiOperation({
    summary: 'A one-time link (10 min) that binds the Telegram chat it is opened in to your account (no driver is created)',
  })
  @ApiCreatedResponse({ type: TelegramLinkResponseDto })
  @ApiServiceUnavailableResponse({ type: ErrorResponseDto, description: 'No bot token or username configured (TELEGRAM_LINK_UNAVAILABLE)' })
  create(@CurrentPrincipal() principal: Principal): Promise<TelegramLinkDto> {
    return this.accounts.createLink(principal.user.id);
  }
}
