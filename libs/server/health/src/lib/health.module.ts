import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LiveModule } from '@convoy/server/live';
import { DependencyIndicators } from './dependency-indicators';
import { ReadinessState } from './readiness-state';
import { HealthController } from './health.controller';

/** `/health` (seed shape), `/health/live` and `/health/ready` for probes. */
@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'pretty', gracefulShutdownTimeoutMs: 0 }), LiveModule],
  controllers: [HealthController],
  providers: [DependencyIndicators, ReadinessState],
  exports: [ReadinessState],
})
export class HealthModule {}
