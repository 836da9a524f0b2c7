import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { CreatedWebhookDto, WebhookDeliveryDto, WebhookDeliveryStatus, WebhookDto, WebhookPayload } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import type { DataSource, Repository } from 'typeorm';
import { WebhookDeliveryWorker } from './delivery/webhook-delivery.worker';
import { WebhookDisabling } from './delivery/webhook-disabling';
import type { CreateWebhookBody, UpdateWebhookBody } from './dto/webhook.dto';
import { WebhookDeliveryEntity } from './entities/webhook-delivery.entity';
import { WebhookEntity } from './entities/webhook.entity';
import { generateSigningSecret, SecretBox } from './signing/secret-box';
import { targetUrlProblem } from './ssrf/target-url';
import { deliveryNotFound, urlRefused, webhookDisabled, webhookNotFound } from './webhooks.errors';

/** The newest deliveries a log shows. */
export const DELIVERY_LOG_LIMIT = 100;

/** Endpoints (CRUD, secrets once), their delivery log, manual retries and test events. */
@Injectable()
export class WebhooksService {
  constructor(
    @InjectRepository(WebhookEntity) private readonly webhooks: Repository<WebhookEntity>,
    @InjectRepository(WebhookDeliveryEntity) private readonly deliveries: Repository<WebhookDeliveryEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
    private readonly config: AppConfig,
    private readonly worker: WebhookDeliveryWorker,
    private readonly disabling: WebhookDisabling,
  ) {}

  async list(): Promise<WebhookDto[]> {
    const rows = await this.webhooks.find({ order: { createdAt: 'ASC' } });
    return rows.map(toWebhookDto);
  }

  async get(id: string): Promise<WebhookDto> {
    return toWebhookDto(await this.find(id));
  }

  async create(body: CreateWebhookBody): Promise<CreatedWebhookDto> {
    this.checkUrl(body.url);
    const secret = generateSigningSecret();
    const row = await this.webhooks.save(
      this.webhooks.create({
        url: body.url,
        events: body.events,
        description: body.description?.trim() ?? '',
        enabled: body.enabled ?? true,
        disabledReason: null,
        secretSealed: this.secrets.seal(secret),
      }),
    );
    return { ...toWebhookDto(row), secret };
  }

  async update(id: string, body: UpdateWebhookBody): Promise<WebhookDto> {
    const row = await this.find(id);
    if (body.url !== undefined) {
      this.checkUrl(body.url);
      row.url = body.url;
    }
    if (body.events !== undefined) row.events = body.events;
    if (body.description !== undefined) row.description = body.description.trim();
    const disabling = body.enabled === false && row.enabled;
    if (body.enabled !== undefined) {
      row.enabled = body.enabled;
      if (body.enabled) row.disabledReason = null;
    }
    const saved = await this.webhooks.save(row);
    if (disabling) await this.disabling.failPending(id, 'the endpoint was disabled');
    return toWebhookDto(saved);
  }

  async remove(id: string): Promise<void> {
    const result = await this.webhooks.delete({ id });
    if (!result.affected) throw webhookNotFound();
  }

  async listDeliveries(id: string, status?: WebhookDeliveryStatus): Promise<WebhookDeliveryDto[]> {
    await this.find(id);
    const rows = await this.deliveries.find({
      where: status ? { webhookId: id, status } : { webhookId: id },
      order: { createdAt: 'DESC' },
      take: DELIVERY_LOG_LIMIT,
    });
    return rows.map(toDeliveryDto);
  }

  /**
   * Queues a delivery again, now, with a fresh retry schedule (any status: a delivered one is sent
   * again with the same `webhook-id`, which receivers dedupe on). A claim in flight loses its lease.
   */
  async retry(id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const webhook = await this.find(id);
    if (!webhook.enabled) throw webhookDisabled();
    const rows = (await this.dataSource.query(
      `UPDATE webhook_deliveries
          SET status = 'pending', attempts = 0, next_attempt_at = now(), lease = NULL, delivered_at = NULL
        WHERE id = $1 AND webhook_id = $2
        RETURNING id`,
      [deliveryId, id],
    )) as [{ id: string }[], number];
    if (rows[0].length === 0) throw deliveryNotFound();
    this.worker.nudge();
    return toDeliveryDto(await this.deliveries.findOneByOrFail({ id: deliveryId }));
  }

  /** A `webhook.test` delivery (not an outbox event, no alert sees it), sent even while the endpoint is disabled. */
  async sendTest(id: string): Promise<WebhookDeliveryDto> {
    await this.find(id);
    const eventId = randomUUID();
    const payload: WebhookPayload = {
      type: 'webhook.test',
      timestamp: new Date().toISOString(),
      data: { eventId, driverId: null, webhookId: id, message: 'A test event from Convoy: your endpoint is reachable and can verify signatures.' },
    };
    const row = await this.deliveries.save(
      this.deliveries.create({ webhookId: id, eventId, eventType: 'webhook.test', payload, status: 'pending', attempts: 0, nextAttemptAt: new Date() }),
    );
    this.worker.nudge();
    return toDeliveryDto(row);
  }

  private checkUrl(url: string): void {
    const problem = targetUrlProblem(url, { allowPrivate: this.config.webhooks.allowPrivate });
    if (problem) throw urlRefused(problem);
  }

  private async find(id: string): Promise<WebhookEntity> {
    const row = await this.webhooks.findOneBy({ id });
    if (!row) throw webhookNotFound();
    return row;
  }
}

export function toWebhookDto(row: WebhookEntity): WebhookDto {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toDeliveryDto(row: WebhookDeliveryEntity): WebhookDeliveryDto {
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventId: row.eventId,
    eventType: row.eventType as WebhookDeliveryDto['eventType'],
    status: row.status,
    attempts: row.attempts,
    lastResponseCode: row.lastResponseCode,
    lastError: row.lastError,
    nextAttemptAt: row.status === 'pending' && row.nextAttemptAt ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt ? row.deliveredAt.toISOString() : null,
  };
}
