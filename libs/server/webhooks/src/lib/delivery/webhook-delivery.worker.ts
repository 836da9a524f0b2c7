import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WebhookPayload } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import type { DataSource } from 'typeorm';
import { SecretBox } from '../signing/secret-box';
import { signDelivery } from '../signing/webhook-signature';
import { nextRetryDelayMs } from './retry-schedule';
import { WebhookDisabling } from './webhook-disabling';
import { sendWebhook, type SendOutcome } from './webhook-sender';

/** Attempts in flight per replica: a dead endpoint holds at most this many sockets. */
export const DELIVERY_CONCURRENCY = 16;
/** Attempts in flight per endpoint per replica, so one slow endpoint cannot take every slot. */
export const DELIVERY_CONCURRENCY_PER_ENDPOINT = 4;
/** Due deliveries are looked for this often (retries come due; a nudge from another replica is not heard). */
export const DELIVERY_POLL_MS = 1000;
/** A claim outlives the attempt's timeout by this much; after it, another worker may take the delivery. */
const LEASE_MARGIN_MS = 5000;
/** On shutdown, attempts in flight get this long; the rest are taken again when their lease ends. */
const SHUTDOWN_GRACE_MS = 3000;

interface ClaimedDelivery {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  payload: WebhookPayload | null;
  attempts: number;
  lease: string;
  url: string;
  secret_sealed: string;
  occurred_at: Date | null;
  driver_id: string | null;
  data: Record<string, unknown> | null;
}

/**
 * Sends due deliveries, on every replica. A claim is one statement (`FOR UPDATE SKIP LOCKED` on due
 * rows, then `attempts + 1`, a fresh `lease` id and `next_attempt_at` moved past the attempt's
 * timeout), so no transaction is open during the HTTP call and a crashed replica's claims come due
 * again by themselves. The outcome is written only if the lease is still the one claimed. Attempts
 * run with bounded concurrency and a timeout, off the ingest path: a dead endpoint costs a few idle
 * sockets, never a commit.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDeliveryWorker.name);
  private readonly inFlight = new Map<string, number>();
  private readonly attempts = new Set<Promise<void>>();
  private inFlightTotal = 0;
  private claiming: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly secrets: SecretBox,
    private readonly disabling: WebhookDisabling,
  ) {}

  onApplicationBootstrap(): void {
    this.poll = setInterval(() => this.nudge(), DELIVERY_POLL_MS);
    this.poll.unref();
    this.nudge();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.poll) clearInterval(this.poll);
    await this.claiming;
    if (this.attempts.size > 0) {
      await Promise.race([Promise.allSettled([...this.attempts]), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]);
    }
  }

  /** Look for due deliveries now (new ones were queued, or a slot came free). */
  nudge(): void {
    if (this.stopped) return;
    if (this.claiming) {
      this.again = true;
      return;
    }
    this.claiming = this.claimWhileFree()
      .catch((error: Error) => this.logger.error(`Claiming webhook deliveries failed: ${error.message}`))
      .finally(() => {
        this.claiming = null;
      });
  }

  private async claimWhileFree(): Promise<void> {
    do {
      this.again = false;
      for (;;) {
        const free = DELIVERY_CONCURRENCY - this.inFlightTotal;
        if (free <= 0 || this.stopped) return;
        const claimed = await this.claim(free);
        for (const delivery of claimed) this.start(delivery);
        if (claimed.length < free) break;
      }
    } while (this.again && !this.stopped);
  }

  private async claim(limit: number): Promise<ClaimedDelivery[]> {
    const saturated = [...this.inFlight].filter(([, count]) => count >= DELIVERY_CONCURRENCY_PER_ENDPOINT).map(([id]) => id);
    const leaseMs = this.config.webhooks.timeoutMs + LEASE_MARGIN_MS;
    // a SELECT at the top (the UPDATE is a CTE): TypeORM answers the rows themselves
    return (await this.dataSource.query(CLAIM_SQL, [limit, saturated, DELIVERY_CONCURRENCY_PER_ENDPOINT, leaseMs])) as ClaimedDelivery[];
  }

  private start(delivery: ClaimedDelivery): void {
    this.inFlightTotal += 1;
    this.inFlight.set(delivery.webhook_id, (this.inFlight.get(delivery.webhook_id) ?? 0) + 1);
    const attempt = this.attempt(delivery)
      .catch(async (error: Error) => {
        // counted as a failed attempt, so even an unexpected error follows the schedule and ends
        this.logger.error(`Webhook delivery ${delivery.id}: ${error.message}`);
        await this.record(delivery, { kind: 'error', error: 'internal error while sending' }).catch(() => undefined);
      })
      .finally(() => {
        this.attempts.delete(attempt);
        this.inFlightTotal -= 1;
        const left = (this.inFlight.get(delivery.webhook_id) ?? 1) - 1;
        if (left > 0) this.inFlight.set(delivery.webhook_id, left);
        else this.inFlight.delete(delivery.webhook_id);
        this.nudge();
      });
    this.attempts.add(attempt);
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const payload = payloadOf(delivery);
    if (!payload) {
      await this.finish(delivery, { status: 'failed', code: null, error: 'the event is no longer stored (erased)' });
      return;
    }
    let secret: string;
    try {
      secret = this.secrets.open(delivery.secret_sealed);
    } catch {
      await this.record(delivery, { kind: 'error', error: 'the signing secret cannot be decrypted (was APP_SECRET changed?)' });
      return;
    }
    const body = JSON.stringify(payload);
    const outcome = await sendWebhook({
      url: delivery.url,
      headers: { ...signDelivery(secret, delivery.event_id, body) },
      body,
      timeoutMs: this.config.webhooks.timeoutMs,
      allowPrivate: this.config.webhooks.allowPrivate,
    });
    await this.record(delivery, outcome);
  }

  /** 2xx → delivered; 410 → failed and the endpoint disabled; anything else → retry later, or give up. */
  private async record(delivery: ClaimedDelivery, outcome: SendOutcome): Promise<void> {
    const code = outcome.kind === 'response' ? outcome.status : null;
    if (code !== null && code >= 200 && code < 300) {
      await this.finish(delivery, { status: 'delivered', code, error: null });
      return;
    }
    const error = outcome.kind === 'error' ? outcome.error : `HTTP ${code}`;
    if (code === 410) {
      if (await this.finish(delivery, { status: 'failed', code, error: 'Gone: the endpoint asked to stop' })) {
        await this.disabling.disable(delivery.webhook_id, 'The endpoint answered 410 Gone');
      }
      return;
    }
    const delay = nextRetryDelayMs(delivery.attempts, this.config.webhooks.retryScheduleSeconds);
    if (delay === null) {
      if (await this.finish(delivery, { status: 'failed', code, error })) {
        await this.disabling.disable(
          delivery.webhook_id,
          `No 2xx answer after ${delivery.attempts} attempts over ${describeSpan(this.config.webhooks.retryScheduleSeconds)} (last: ${error})`,
        );
      }
      return;
    }
    await this.finish(delivery, { status: 'pending', code, error, retryInMs: delay });
  }

  /** Writes the attempt's outcome if its lease still holds; false when another claim or a person took over. */
  private async finish(
    delivery: ClaimedDelivery,
    outcome: { status: 'delivered' | 'failed' | 'pending'; code: number | null; error: string | null; retryInMs?: number },
  ): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = $3::varchar,
              last_response_code = $4::int,
              last_error = $5::varchar,
              next_attempt_at = CASE WHEN $3::varchar = 'pending' THEN now() + make_interval(secs => $6::double precision / 1000) END,
              delivered_at = CASE WHEN $3::varchar = 'delivered' THEN now() END,
              lease = NULL
        WHERE id = $1::uuid AND lease = $2::uuid
        RETURNING id`,
      [delivery.id, delivery.lease, outcome.status, outcome.code, outcome.error?.slice(0, 500) ?? null, outcome.retryInMs ?? 0],
    )) as [{ id: string }[], number];
    return rows.length > 0;
  }
}

/** The body: a test event's stored payload, or the outbox event as `{type, timestamp, data}`. */
function payloadOf(delivery: ClaimedDelivery): WebhookPayload | null {
  if (delivery.payload) return delivery.payload;
  if (!delivery.data || !delivery.occurred_at) return null;
  return {
    type: delivery.event_type as WebhookPayload['type'],
    timestamp: new Date(delivery.occurred_at).toISOString(),
    data: { ...delivery.data, eventId: delivery.event_id, driverId: delivery.driver_id },
  };
}

function describeSpan(scheduleSeconds: readonly number[]): string {
  const total = scheduleSeconds.reduce((sum, s) => sum + s, 0);
  if (total >= 3600) return `~${Math.round(total / 3600)} h`;
  if (total >= 60) return `~${Math.round(total / 60)} min`;
  return `${Math.round(total)} s`;
}

/**
 * Candidates: the earliest 200 due rows (by the partial index), at most $3 per endpoint and none of
 * the endpoints this replica already saturates ($2); locked with SKIP LOCKED (a row another worker
 * holds is skipped, and one it just finished is re-checked against the WHERE); then claimed.
 */
const CLAIM_SQL = `
  WITH due AS (
    SELECT id, webhook_id, next_attempt_at
      FROM webhook_deliveries
     WHERE status = 'pending' AND next_attempt_at <= now() AND NOT (webhook_id = ANY($2::uuid[]))
     ORDER BY next_attempt_at
     LIMIT 200
  ), spread AS (
    SELECT id, next_attempt_at FROM (
      SELECT id, next_attempt_at, row_number() OVER (PARTITION BY webhook_id ORDER BY next_attempt_at) AS nth FROM due
    ) ranked
     WHERE nth <= $3
     ORDER BY next_attempt_at
     LIMIT $1
  ), locked AS (
    SELECT d.id FROM webhook_deliveries d JOIN spread USING (id)
     WHERE d.status = 'pending' AND d.next_attempt_at <= now()
       FOR UPDATE OF d SKIP LOCKED
  ), claimed AS (
    UPDATE webhook_deliveries d
       SET attempts = d.attempts + 1,
           lease = gen_random_uuid(),
           next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
      FROM locked
     WHERE d.id = locked.id
    RETURNING d.id, d.webhook_id, d.event_id, d.event_type, d.payload, d.attempts, d.lease
  )
  SELECT claimed.*, w.url, w.secret_sealed, e.occurred_at, e.driver_id, e.data
    FROM claimed
    JOIN webhooks w ON w.id = claimed.webhook_id
    LEFT JOIN events e ON e.id = claimed.event_id`;
