import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { SharingService } from '@convoy/server/sharing';
import { InjectBot } from 'nestjs-telegraf';
import type { Telegraf } from 'telegraf';
import type { Subscription } from 'rxjs';
import { messagesFor } from './messages/catalogue';

/** One reminder per driver per this long, however often their sharing lapses. */
const REMINDER_INTERVAL_MS = 60 * 60_000;

/**
 * When a driver's live location runs out on the server clock (no final update: the phone died,
 * the period ended), the bot asks them once to share again.
 */
@Injectable()
export class ShareAgainNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ShareAgainNotifier.name);
  private readonly lastReminder = new Map<string, number>();
  private subscription: Subscription | null = null;

  constructor(
    @InjectBot() private readonly bot: Telegraf,
    private readonly sharing: SharingService,
  ) {}

  onModuleInit(): void {
    this.subscription = this.sharing.expired$.subscribe((driver) => void this.remind(driver));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  private async remind(driver: { id: string; telegramChatId: number | null; languageCode: string | null }): Promise<void> {
    const now = Date.now();
    if (driver.telegramChatId === null || now - (this.lastReminder.get(driver.id) ?? 0) < REMINDER_INTERVAL_MS) return;
    this.lastReminder.set(driver.id, now);
    try {
      await this.bot.telegram.sendMessage(driver.telegramChatId, messagesFor(driver.languageCode).shareAgain);
    } catch (error) {
      this.logger.warn(`Could not remind driver ${driver.id}: ${(error as Error).message}`);
    }
  }
}
