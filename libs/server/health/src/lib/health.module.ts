import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@convoy/server/auth';
import { LiveModule } from '@convoy/server/live';
import { DependencyIndicators } from './dependency-indicators';
import { ReadinessLog } from './readiness-log';
import { ReadinessState } from './readiness-state';
import { HealthController } from './health.controller';

/** `/health` (seed shape), `/health/live` and `/health/ready` for probes. */
@Module({
  // Terminus' own error log (an ANSI box table per failing probe) is off: ReadinessLog logs changes of state
  imports: [TerminusModule.forRoot({ logger: false, gracefulShutdownTimeoutMs: 0 }), AuthModule, LiveModule],
  controllers: [HealthController],
  providers: [DependencyIndicators, ReadinessState, ReadinessLog],
  exports: [ReadinessState],
})
export class HealthModule {}
