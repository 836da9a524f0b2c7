import type { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import type { AuthenticationService } from '@convoy/server/auth';
import type { DependencyIndicators } from './dependency-indicators';
import type { ReadinessLog } from './readiness-log';
import { HealthController } from './health.controller';

function controllerWithDatabase(status: 'up' | 'down') {
  const database = { pingCheck: async () => ({ database: { status } }) } as unknown as TypeOrmHealthIndicator;
  return new HealthController(
    {} as HealthCheckService,
    database,
    {} as DependencyIndicators,
    {} as ReadinessLog,
    {} as AuthenticationService,
  );
}

describe('HealthController /health', () => {
  it("answers the seed's healthy shape when the database pings", async () => {
    const reply = { status: jest.fn() } as unknown as FastifyReply;
    await expect(controllerWithDatabase('up').summary(reply)).resolves.toEqual({
      status: 'healthy',
      service: 'convoy-api',
      database: 'connected',
    });
    expect(reply.status).not.toHaveBeenCalled();
  });

  it('answers 503 unhealthy / disconnected when it does not', async () => {
    const reply = { status: jest.fn() } as unknown as FastifyReply;
    await expect(controllerWithDatabase('down').summary(reply)).resolves.toEqual({
      status: 'unhealthy',
      service: 'convoy-api',
      database: 'disconnected',
    });
    expect(reply.status).toHaveBeenCalledWith(503);
  });
});
