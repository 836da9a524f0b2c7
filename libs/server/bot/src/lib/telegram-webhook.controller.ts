import { BadRequestException, Controller, HttpCode, Logger, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@convoy/server/auth';
import type { FastifyRequest } from 'fastify';
import { InjectBot } from 'nestjs-telegraf';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { WEBHOOK_PATH } from './telegram-webhook.route';

/**
 * Telegram's webhook, on our own route (telegraf's callback always answers 200): 403 without the
 * secret header and 413 above 64 KiB (both before the body is parsed: `protectWebhookRoute`), 400
 * for a body that is not an update, and 200 only after the update was handled — its position
 * committed. A storage failure answers 500 so Telegram delivers the update again.
 */
@ApiExcludeController()
@Controller(WEBHOOK_PATH)
export class TelegramWebhookController {
  private readonly logger = new Logger(TelegramWebhookController.name);

  constructor(@InjectBot() private readonly bot: Telegraf) {}

  @Post()
  @Public()
  @HttpCode(200)
  async receive(@Req() request: FastifyRequest): Promise<Record<string, never>> {
    // this route has no request log (one request per position): refusals are logged here
    const update = request.body as Update | undefined;
    if (!update || typeof update !== 'object' || !Number.isSafeInteger((update as { update_id?: unknown }).update_id)) {
      this.logger.warn(`Refused a webhook call from ${request.ip}: the body is not a Telegram update`);
      throw new BadRequestException('Not a Telegram update');
    }
    try {
      await this.bot.handleUpdate(update);
    } catch (error) {
      this.logger.error(`Update ${update.update_id} failed, Telegram will retry: ${(error as Error).message}`);
      throw error;
    }
    return {};
  }
}
