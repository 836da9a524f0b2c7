import { Injectable, Logger } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';

/** Indicators whose "down" is not a failure: the drain is announced once by ReadinessState. */
const EXPECTED_DOWN = new Set(['shutdown']);

/**
 * Logs what readiness probes find, once per change of state and per dependency — not per probe (a
 * probe every few seconds during an outage would be an error line every few seconds, and a routine
 * drain would look like one). Structured fields (`dependency`, `status`, `error`), no ANSI colours.
 */
@Injectable()
export class ReadinessLog {
  private readonly logger = new Logger('Readiness');
  private readonly down = new Map<string, string>();

  observe(details: HealthIndicatorResult): void {
    for (const [dependency, result] of Object.entries(details)) {
      if (EXPECTED_DOWN.has(dependency)) continue;
      const wasDown = this.down.has(dependency);
      if (result.status === 'down' && !wasDown) {
        const error = typeof result['message'] === 'string' ? result['message'] : null;
        this.down.set(dependency, error ?? '');
        this.logger.error({ dependency, status: 'down', error }, `Readiness: ${dependency} is down${error ? `: ${error}` : ''}`);
      } else if (result.status === 'up' && wasDown) {
        this.down.delete(dependency);
        this.logger.log({ dependency, status: 'up' }, `Readiness: ${dependency} is up again`);
      }
    }
  }
}
