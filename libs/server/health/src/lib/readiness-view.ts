import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';

/**
 * What anyone may see of readiness: up or down per dependency, nothing else. Error messages (a
 * database host name, a Redis address), the bot's last Bot API error and which instance leads the
 * polling are for a signed-in admin (and /metrics).
 */
export function publicReadiness(result: HealthCheckResult): HealthCheckResult {
  return {
    status: result.status,
    ...(result.info ? { info: statusOnly(result.info) } : {}),
    ...(result.error ? { error: statusOnly(result.error) } : {}),
    details: statusOnly(result.details),
  };
}

function statusOnly(results: Partial<HealthIndicatorResult>): HealthIndicatorResult {
  return Object.fromEntries(
    Object.entries(results).flatMap(([key, result]) => (result ? [[key, { status: result.status }]] : [])),
  );
}
