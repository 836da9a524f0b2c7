import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConvoyEvent } from '@convoy/contracts';
import { EventConsumers, type EventConsumer } from '@convoy/server/events';
import type { EntityManager } from 'typeorm';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';

/**
 * The webhooks' event consumer: inside the dispatcher's transaction, one pending delivery per event
 * and enabled endpoint subscribed to its type (one statement per batch; unique per webhook and
 * event, so a batch dispatched again adds nothing). After the commit the local workers are nudged.
 */
@Injectable()
export class WebhookFanOut implements EventConsumer, OnModuleInit {
  readonly name = 'webhooks';

  constructor(
    private readonly consumers: EventConsumers,
    private readonly worker: WebhookDeliveryWorker,
  ) {}

  onModuleInit(): void {
    this.consumers.register(this);
  }

  async fanOut(events: readonly ConvoyEvent[], tx: EntityManager): Promise<void> {
    if (events.length === 0) return;
    await tx.query(FAN_OUT_SQL, [events.map((event) => event.id), events.map((event) => event.type)]);
  }

  afterCommit(): void {
    this.worker.nudge();
  }
}

const FAN_OUT_SQL = `
  INSERT INTO webhook_deliveries (webhook_id, event_id, event_type, status, next_attempt_at)
  SELECT w.id, e.id, e.type, 'pending', now()
    FROM unnest($1::uuid[], $2::varchar[]) WITH ORDINALITY AS e(id, type, ord)
    JOIN webhooks w ON w.enabled AND e.type = ANY(w.events)
   ORDER BY e.ord, w.id
  ON CONFLICT (webhook_id, event_id) DO NOTHING`;
