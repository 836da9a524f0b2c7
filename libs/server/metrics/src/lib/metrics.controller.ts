import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Public } from '@convoy/server/auth';
import { ConvoyMetrics } from './convoy-metrics';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** Prometheus scrape endpoint. Unauthenticated like /health: keep it inside the cluster network. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ConvoyMetrics,
    @Optional() @Inject(getDataSourceToken()) private readonly dataSource?: DataSource,
  ) {}

  @Get()
  @Public()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    const pool = (this.dataSource?.driver as unknown as { master?: PgPool } | undefined)?.master;
    if (pool) {
      this.metrics.databasePool.set({ state: 'total' }, pool.totalCount);
      this.metrics.databasePool.set({ state: 'idle' }, pool.idleCount);
      this.metrics.databasePool.set({ state: 'waiting' }, pool.waitingCount);
    }
    return this.metrics.registry.metrics();
  }
}
