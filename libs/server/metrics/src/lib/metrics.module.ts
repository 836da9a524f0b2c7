import { Global, Module } from '@nestjs/common';
import { ConvoyMetrics } from './convoy-metrics';
import { MetricsController } from './metrics.controller';

/** Prometheus metrics: one registry for the app, `GET /metrics`. */
@Global()
@Module({ controllers: [MetricsController], providers: [ConvoyMetrics], exports: [ConvoyMetrics] })
export class MetricsModule {}
