import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { DeliveryChannel } from '../entities/notification-delivery.entity';
import { TelegramAccountsService } from '../telegram/telegram-accounts.service';
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from './backoff';
import { DeliveryError, DeliveryTransports } from './delivery-transports';
import { EmailSender } from './email-sender';

/** Jobs claimed per round. */
const CLAIM_BATCH = 20;
/** A claimed job belongs to its worker this long; one whose worker died is taken again after it. */
export const DELIVERY_LEASE_MS = 30_000;
/** A send that takes longer is given up as transient (well inside the lease). */
const SEND_TIMEOUT_MS = 15_000;
/** Other replicas' jobs and retries that came due are looked for this often. */
const POLL_MS = 1_000;

interface ClaimedJob {
  id: string;
  event_id: string;
  user_id: string;
  channel: DeliveryChannel;
  subject: string;
  text: string;
  attempts: number;
}

/**
 * Sends the Telegram and email jobs the fan-out wrote, on every replica. A job is claimed with
 * `FOR UPDATE SKIP LOCKED` and leased in a short committed transaction (no transaction stays open
 * across the network call), sent, then marked sent / retried with back-off / failed — the mark only
 * applies while the lease is still this worker's (same attempt). A worker killed mid-send leaves the
 * job `sending` until its lease ends; the next claim sends it again (at least once in that window).
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private stopped = false;
  private running: Promise<void> | null = null;
  private again = false;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transports: DeliveryTransports,
    private readonly email: EmailSender,
    private readonly accounts: TelegramAccountsService,
  ) {}

  onApplicationBootstrap(): void {
    this.poll = setInterval(() => this.nudge(), POLL_MS);
    this.poll.unref();
    this.nudge();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.running;
  }

  /** Look for due jobs now (after the fan-out committed some). */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const running = this.drain().then(
      () => undefined,
      (error: Error) => this.logger.error(`Delivering alerts failed (jobs stay queued): ${error.message}`),
    );
    this.running = running;
    void running.finally(() => {
      this.running = null;
    });
  }

  /** Sends until nothing is due (tests and shutdown wait on this). */
  async drain(): Promise<number> {
    let total = 0;
    do {
      this.again = false;
      for (;;) {
        const jobs = await this.claim();
        await Promise.all(jobs.map((job) => this.deliver(job)));
        total += jobs.length;
        if (jobs.length < CLAIM_BATCH || this.stopped) break;
      }
    } while (this.again && !this.stopped);
    return total;
  }

  private channels(): DeliveryChannel[] {
    const channels: DeliveryChannel[] = [];
    if (this.transports.telegram) channels.push('telegram');
    if (this.email.enabled) channels.push('email');
    return channels;
  }

  private async claim(): Promise<ClaimedJob[]> {
    const channels = this.channels();
    if (channels.length === 0) return [];
    const [rows] = (await this.dataSource.query(CLAIM_SQL, [CLAIM_BATCH, channels, DELIVERY_LEASE_MS])) as [ClaimedJob[], number];
    return rows;
  }

  private async deliver(job: ClaimedJob): Promise<void> {
    let skipped: string | null;
    try {
      skipped = job.channel === 'telegram' ? await this.sendTelegram(job) : await this.sendEmail(job);
    } catch (error) {
      await this.failed(job, error instanceof DeliveryError ? error : new DeliveryError((error as Error).message, 'transient'));
      return;
    }
    // only the send decides about a retry: a failure to record "sent" leaves the lease to run out
    // (the one window in which a person may get an alert twice), it never schedules a resend itself
    await this.finish(job, skipped ? 'skipped' : 'sent', skipped).catch((error: Error) =>
      this.logger.error(`Alert ${job.event_id} to user ${job.user_id} by ${job.channel} was sent but not recorded: ${error.message}`),
    );
  }

  private async failed(job: ClaimedJob, failure: DeliveryError): Promise<void> {
    if (failure.kind === 'blocked' || failure.kind === 'permanent' || job.attempts >= MAX_DELIVERY_ATTEMPTS) {
      this.logger.warn(`Alert ${job.event_id} to user ${job.user_id} by ${job.channel} failed for good: ${failure.message}`);
      await this.finish(job, 'failed', failure.message);
      return;
    }
    const delay = retryDelayMs(job.attempts, failure.retryAfterMs);
    this.logger.warn(`Alert ${job.event_id} to user ${job.user_id} by ${job.channel}: ${failure.message}; retry in ${Math.round(delay / 1000)} s`);
    await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = 'pending', next_attempt_at = now() + $3::integer * interval '1 millisecond', locked_until = NULL, last_error = $4::varchar
        WHERE id = $1 AND status = 'sending' AND attempts = $2::integer`,
      [job.id, job.attempts, delay, failure.message.slice(0, 500)],
    );
  }

  /** Returns why the job was skipped, or null when it was sent. */
  private async sendTelegram(job: ClaimedJob): Promise<string | null> {
    const [chat] = (await this.dataSource.query(`SELECT chat_id, muted_until FROM user_telegram_chats WHERE user_id = $1`, [job.user_id])) as {
      chat_id: string;
      muted_until: Date | null;
    }[];
    if (!chat) return 'telegram chat no longer linked';
    if (chat.muted_until && chat.muted_until.getTime() > Date.now()) return 'muted';
    const transport = this.transports.telegram;
    if (!transport) throw new DeliveryError('bot not running', 'transient');
    try {
      await withTimeout(transport.sendText(Number(chat.chat_id), job.text), SEND_TIMEOUT_MS);
    } catch (error) {
      if (error instanceof DeliveryError && error.kind === 'blocked') await this.accounts.chatBlocked(Number(chat.chat_id));
      throw error;
    }
    return null;
  }

  private async sendEmail(job: ClaimedJob): Promise<string | null> {
    const [user] = (await this.dataSource.query(`SELECT email, disabled FROM users WHERE id = $1`, [job.user_id])) as { email: string; disabled: boolean }[];
    if (!user || user.disabled) return 'user disabled';
    await withTimeout(this.email.send(user.email, job.subject, job.text, `<${job.event_id}.${job.user_id}@convoy.alerts>`), SEND_TIMEOUT_MS);
    return null;
  }

  private async finish(job: ClaimedJob, status: 'sent' | 'failed' | 'skipped', error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE notification_deliveries
          SET status = $3::varchar, locked_until = NULL, last_error = $4::varchar, sent_at = CASE WHEN $3::varchar = 'sent' THEN now() END
        WHERE id = $1 AND status = 'sending' AND attempts = $2::integer`,
      [job.id, job.attempts, status, error?.slice(0, 500) ?? null],
    );
  }
}

/** Due jobs (pending and due, or leased by a worker that did not finish in time), leased in one statement. */
const CLAIM_SQL = `
  WITH due AS (
    SELECT id FROM notification_deliveries
     WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND channel = ANY($2::varchar[])
     ORDER BY next_attempt_at
     LIMIT $1
       FOR UPDATE SKIP LOCKED
  )
  UPDATE notification_deliveries d
     SET status = 'sending', attempts = d.attempts + 1,
         locked_until = now() + $3::integer * interval '1 millisecond', next_attempt_at = now() + $3::integer * interval '1 millisecond'
    FROM due WHERE d.id = due.id
  RETURNING d.id, d.event_id, d.user_id, d.channel, d.subject, d.text, d.attempts`;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeliveryError(`no answer within ${ms / 1000} s`, 'transient')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
