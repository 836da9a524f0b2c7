import { BadRequestException, Controller, ForbiddenException, Headers, HttpCode, Inject, Logger, Post, Req } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '@convoy/server/auth';
import { AppConfig } from '@convoy/server/config';
import type { FastifyRequest } from 'fastify';
import { InjectBot } from 'nestjs-telegraf';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { webhookSecret } from './webhook-secret';

export const WEBHOOK_PATH = 'telegram/webhook';

/**
 * Telegram's webhook, on our own route (telegraf's callback always answers 200): 403 without the
 * secret header, 400 for a body that is not an update, and 200 only after the update was handled —
 * its position committed. A storage failure answers 500 so Telegram delivers the update again.
 */
@ApiExcludeController()
@Controller(WEBHOOK_PATH)
export class TelegramWebhookController {
  private readonly logger = new Logger(TelegramWebhookController.name);
  private readonly secret: Buffer;

  constructor(
    @InjectBot() private readonly bot: Telegraf,
    @Inject(AppConfig) config: AppConfig,
  ) {
    this.secret = Buffer.from(webhookSecret(config));
  }

  @Post()
  @Public()
  @HttpCode(200)
  async receive(
    @Headers('x-telegram-bot-api-secret-token') secretHeader: string | undefined,
    @Req() request: FastifyRequest,
  ): Promise<Record<string, never>> {
    // this route has no request log (one request per position): refusals are logged here
    const given = Buffer.from(secretHeader ?? '');
    if (given.length !== this.secret.length || !timingSafeEqual(given, this.secret)) {
      this.logger.warn(`Refused a webhook call from ${request.ip}: wrong or missing secret header`);
      throw new ForbiddenException('Wrong or missing X-Telegram-Bot-Api-Secret-Token');
    }
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
