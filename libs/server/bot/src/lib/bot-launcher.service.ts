import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@convoy/server/config';
import { InjectBot } from 'nestjs-telegraf';
import type { Telegraf } from 'telegraf';
import { messagesFor, SUPPORTED_LANGUAGES } from './messages/catalogue';
import { BotStatus } from './bot-status';
import { ALLOWED_UPDATES, TelegramPollingService } from './telegram-polling.service';
import { webhookSecret } from './webhook-secret';

/** Telegram's ceiling; the writer's group commit keeps up with that many open webhook requests. */
const WEBHOOK_MAX_CONNECTIONS = 100;

/**
 * Starts taking updates once every handler is registered (nestjs-telegraf's own launch is off):
 * registers the webhook, or starts long polling. A Bot API that is down at boot does not stop the
 * app: the launch is retried in the background.
 */
@Injectable()
export class BotLauncher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BotLauncher.name);
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(
    @InjectBot() private readonly bot: Telegraf,
    private readonly config: AppConfig,
    private readonly polling: TelegramPollingService,
    private readonly status: BotStatus,
  ) {
    // nestjs-telegraf stops the bot on shutdown; telegraf throws when it was never launched (webhook
    // mode, or polling through our own loop), which would abort the shutdown sequence
    const stop = bot.stop.bind(bot);
    bot.stop = (reason?: string) => {
      try {
        stop(reason);
      } catch {
        // not running: nothing to stop
      }
    };
  }

  onApplicationBootstrap(): void {
    this.status.mode = this.config.telegram.webhookUrl ? 'webhook' : 'polling';
    void this.launch(1000);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
  }

  private async launch(nextDelayMs: number): Promise<void> {
    try {
      const me = await this.bot.telegram.getMe();
      this.bot.botInfo = me;
      this.status.username = me.username;
      if (this.config.telegram.botUsername && me.username.toLowerCase() !== this.config.telegram.botUsername.toLowerCase()) {
        this.logger.warn(`TELEGRAM_BOT_USERNAME is ${this.config.telegram.botUsername} but the token belongs to @${me.username}`);
      }
      await this.registerCommands();
      if (this.config.telegram.webhookUrl) {
        await this.bot.telegram.setWebhook(this.config.telegram.webhookUrl, {
          secret_token: webhookSecret(this.config),
          max_connections: WEBHOOK_MAX_CONNECTIONS,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        this.logger.log(`Telegram webhook set to ${this.config.telegram.webhookUrl}`);
      } else {
        await this.bot.telegram.deleteWebhook({ drop_pending_updates: false });
        this.polling.start();
      }
      this.status.lastError = null;
    } catch (error) {
      this.status.lastError = (error as Error).message;
      if (this.stopped) return;
      this.logger.warn(`Telegram bot could not start (${(error as Error).message}); retrying in ${nextDelayMs / 1000} s`);
      this.retry = setTimeout(() => void this.launch(Math.min(nextDelayMs * 2, 60_000)), nextDelayMs);
    }
  }

  /** The command menu: the default list (English) for every other language, one per catalogue language. */
  private async registerCommands(): Promise<void> {
    for (const language of [undefined, ...SUPPORTED_LANGUAGES]) {
      const { commands } = messagesFor(language);
      await this.bot.telegram.setMyCommands(
        [
          { command: 'status', description: commands.status },
          { command: 'stop', description: commands.stop },
          { command: 'delete', description: commands.delete },
          { command: 'help', description: commands.help },
        ],
        language ? { language_code: language } : undefined,
      );
    }
  }
}
