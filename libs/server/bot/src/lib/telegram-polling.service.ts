import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { InjectBot } from 'nestjs-telegraf';
import type { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { DataSource, QueryRunner } from 'typeorm';
import { BotStatus } from './bot-status';
import { ADVISORY_LOCK_KEYS } from '@convoy/server/database';

/** Any fixed key: the instance holding this lock is the only one calling getUpdates. */
const POLLING_LOCK_KEY = ADVISORY_LOCK_KEYS.telegramPolling;
const LONG_POLL_SECONDS = 25;
const FOLLOWER_RETRY_MS = 5000;
const MAX_BACKOFF_MS = 30_000;
/** An update whose handling keeps failing is skipped after this many tries, so one cannot block all. */
const MAX_TRIES_PER_UPDATE = 5;
/** Update types the bot asks Telegram for (webhook and polling alike): callback_query carries inline-button presses (/delete). */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

/**
 * Long polling when no webhook URL is set. Exactly one instance polls: it holds a Postgres advisory
 * lock on a dedicated connection; the others wait and take over when it goes away. The offset moves
 * only after an update was handled (its position committed), so a crash redelivers instead of losing.
 * Conflicts (409) and network errors are retried with back-off.
 */
@Injectable()
export class TelegramPollingService implements OnApplicationShutdown {
  private readonly logger = new Logger(TelegramPollingService.name);
  private running = false;
  private loop: Promise<void> | null = null;
  private abort = new AbortController();
  private lockHolder: QueryRunner | null = null;
  private offset = 0;
  private readonly tries = new Map<number, number>();

  constructor(
    @InjectBot() private readonly bot: Telegraf,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly status: BotStatus,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await this.loop;
    await this.releaseLock();
  }

  private async run(): Promise<void> {
    let backoff = 1000;
    while (this.running) {
      try {
        if (!(await this.holdLock())) {
          await this.sleep(FOLLOWER_RETRY_MS);
          continue;
        }
        const updates = (await this.bot.telegram.callApi(
          'getUpdates',
          { offset: this.offset, timeout: LONG_POLL_SECONDS, limit: 100, allowed_updates: [...ALLOWED_UPDATES] },
          // telegraf types its signal with the abort-controller polyfill; Node's is the same at runtime
          { signal: this.abort.signal as unknown as NonNullable<Parameters<Telegraf['telegram']['callApi']>[2]>['signal'] },
        )) as Update[];
        for (const update of updates) {
          if (!this.running) break;
          await this.handle(update);
        }
        this.status.lastError = null;
        backoff = 1000;
      } catch (error) {
        if (!this.running) break;
        const message = (error as Error).message;
        this.status.lastError = message;
        this.logger.warn(`Polling: ${message}; retrying in ${backoff / 1000} s`);
        await this.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async handle(update: Update): Promise<void> {
    try {
      await this.bot.handleUpdate(update);
    } catch (error) {
      const tries = (this.tries.get(update.update_id) ?? 0) + 1;
      this.tries.set(update.update_id, tries);
      if (tries < MAX_TRIES_PER_UPDATE) throw error; // keep the offset: it is fetched again
      this.logger.error(`Skipping update ${update.update_id} after ${tries} failures: ${(error as Error).message}`);
    }
    this.tries.delete(update.update_id);
    this.offset = update.update_id + 1;
  }

  /** true when this instance holds (or just took) the polling lock. */
  private async holdLock(): Promise<boolean> {
    if (this.lockHolder) {
      try {
        await this.lockHolder.query('SELECT 1');
        return true;
      } catch {
        this.logger.warn('Lost the polling lock connection');
        await this.releaseLock();
      }
    }
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(${POLLING_LOCK_KEY}) AS locked`);
    if (!locked) {
      await runner.release();
      return false;
    }
    this.lockHolder = runner;
    this.status.pollingLeader = true;
    this.logger.log('This instance polls Telegram for updates');
    return true;
  }

  private async releaseLock(): Promise<void> {
    const runner = this.lockHolder;
    this.lockHolder = null;
    this.status.pollingLeader = false;
    if (!runner) return;
    await runner.query(`SELECT pg_advisory_unlock(${POLLING_LOCK_KEY})`).catch(() => undefined);
    await runner.release().catch(() => undefined);
  }

  /** Waits `ms`, or less when the service stops; the abort listener goes away either way. */
  private sleep(ms: number): Promise<void> {
    const signal = this.abort.signal;
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      signal.addEventListener('abort', wake, { once: true });
    });
  }
}
