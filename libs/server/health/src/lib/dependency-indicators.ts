import { Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { BotStatus } from '@convoy/server/bot';
import { LiveRedis } from '@convoy/server/live';
import { ReadinessState } from './readiness-state';

/**
 * Readiness beyond the database. The bot is reported (mode, last Bot API error) but never makes an
 * instance unready: a Telegram outage must not take the dashboard out of the load balancer. The
 * socket adapter is down when Redis is configured and does not answer.
 */
@Injectable()
export class DependencyIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessState,
    @Optional() private readonly bot?: BotStatus,
    @Optional() private readonly redis?: LiveRedis,
  ) {}

  /** Down once a graceful shutdown began, so traffic moves to other instances before this one stops. */
  shutdownCheck() {
    const check = this.indicators.check('shutdown');
    return this.readiness.draining ? check.down({ draining: true }) : check.up({ draining: false });
  }

  botCheck() {
    const check = this.indicators.check('bot');
    const mode = this.bot?.mode ?? 'disabled';
    return check.up({ mode, ...(this.bot?.mode === 'polling' ? { pollingLeader: this.bot.pollingLeader } : {}), lastError: this.bot?.lastError ?? null });
  }

  async socketAdapterCheck() {
    const check = this.indicators.check('socketAdapter');
    const adapter = this.redis?.enabled ? 'redis' : 'in-process';
    return (await (this.redis?.isUp() ?? Promise.resolve(true))) ? check.up({ adapter }) : check.down({ adapter });
  }
}
