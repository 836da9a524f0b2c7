import { Injectable } from '@nestjs/common';
import type { ConvoyEvent } from '@convoy/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Something that acts on events: alerts, webhooks… Registered once (`EventConsumers.register` in the
 * consumer's `onModuleInit`); the dispatcher hands it every event exactly once, across replicas.
 */
export interface EventConsumer {
  /** Stable, for logs. */
  readonly name: string;
  /**
   * Inside the dispatcher's transaction: write this consumer's durable work for these events (inbox
   * entries, delivery jobs…) through `tx`. Commits together with marking the events dispatched, so a
   * crash leaves both undone and the next claim repeats them; throwing rolls the whole batch back.
   */
  fanOut(events: readonly ConvoyEvent[], tx: EntityManager): Promise<void>;
  /** After that commit, best effort: push live toasts, wake delivery workers. Must not throw. */
  afterCommit?(events: readonly ConvoyEvent[]): void;
  /**
   * A driver's data is erased (in the erasure's transaction, `tx`): delete whatever this consumer
   * copied out of their events (inbox texts naming them…). `eventIds`: the driver's events, deleted
   * from the outbox in the same transaction.
   */
  forgetDriver?(driverId: string, eventIds: readonly string[], tx: EntityManager): Promise<void>;
}

/** The consumers of this process, in registration order. */
@Injectable()
export class EventConsumers {
  private readonly consumers: EventConsumer[] = [];

  register(consumer: EventConsumer): void {
    if (this.consumers.some((known) => known.name === consumer.name)) throw new Error(`event consumer ${consumer.name} registered twice`);
    this.consumers.push(consumer);
  }

  list(): readonly EventConsumer[] {
    return this.consumers;
  }
}
