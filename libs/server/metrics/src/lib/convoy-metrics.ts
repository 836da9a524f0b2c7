import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Every Prometheus instrument of Convoy, in one registry. Feature libs record; `/metrics` exposes.
 * Names follow Prometheus conventions: `convoy_` prefix, base units (seconds), `_total` counters.
 */
@Injectable()
export class ConvoyMetrics {
  readonly registry = new Registry();

  readonly positionsIngested = new Counter({
    name: 'convoy_positions_ingested_total',
    help: 'Positions handed to the writer, by source and outcome (stored, latest-only, duplicate, unknown-driver, invalid)',
    labelNames: ['source', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly ingestToBroadcast = new Histogram({
    name: 'convoy_ingest_to_broadcast_seconds',
    help: 'From ingest() receiving a position to its batch being handed to Socket.IO',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly writerBatchSize = new Histogram({
    name: 'convoy_writer_batch_rows',
    help: 'Rows per group-commit write',
    buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
    registers: [this.registry],
  });

  readonly writerQueueDepth = new Gauge({
    name: 'convoy_writer_queue_depth',
    help: 'Positions waiting for the next write',
    registers: [this.registry],
  });

  readonly socketClients = new Gauge({
    name: 'convoy_socket_clients',
    help: 'Dashboards connected to this instance',
    registers: [this.registry],
  });

  readonly botMode = new Gauge({
    name: 'convoy_bot_mode',
    help: 'Telegram bot mode of this instance (1 for the current mode)',
    labelNames: ['mode'] as const,
    registers: [this.registry],
  });

  readonly pollingLeader = new Gauge({
    name: 'convoy_bot_polling_leader',
    help: '1 when this instance holds the long-polling lock',
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'convoy_http_request_duration_seconds',
    help: 'HTTP request durations by method, route pattern and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  readonly databasePool = new Gauge({
    name: 'convoy_database_pool_connections',
    help: 'Postgres pool connections by state (total, idle, waiting clients)',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'convoy_' });
  }
}
