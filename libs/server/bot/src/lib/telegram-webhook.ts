import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { AppConfig } from '@convoy/server/config';
import { TelegramSessions } from '@convoy/server/sharing';
import type { FastifyInstance } from 'fastify';
import { InjectBot } from 'nestjs-telegraf';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { recogniseLiveEdit } from './telegram/live-edit';
import { registerWebhookRoute } from './telegram-webhook.route';
import { webhookSecret } from './webhook-secret';

/**
 * Telegram's webhook in webhook mode: a plain Fastify route on Nest's instance (`registerWebhookRoute`)
 * and what it does with an update. A moving live-location edit of a session this instance follows
 * goes straight to `TelegramSessions` (no telegraf context, nothing to reply); every other update —
 * commands, first locations, the final edit, unknown users, callbacks, anything odd — goes through
 * telegraf and the conversation unchanged.
 */
@Injectable()
export class TelegramWebhook implements OnModuleInit {
  private readonly logger = new Logger('TelegramWebhook');

  constructor(
    @InjectBot() private readonly bot: Telegraf,
    private readonly sessions: TelegramSessions,
    private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.route) return; // an application context without HTTP (CLI): no webhook to serve
    registerWebhookRoute(fastify, { secret: webhookSecret(this.config), handle: (update) => this.handle(update), logger: this.logger });
  }

  /** Resolves once the update was handled (its position committed); rejects so Telegram retries. */
  async handle(update: Record<string, unknown>): Promise<void> {
    const liveEdit = recogniseLiveEdit(update);
    if (liveEdit && (await this.sessions.followedLiveEdit(liveEdit))) return;
    await this.bot.handleUpdate(update as unknown as Update);
  }
}
