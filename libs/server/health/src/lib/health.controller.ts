import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthResponse } from '@convoy/contracts';
import { Public } from '@convoy/server/auth';
import type { FastifyReply } from 'fastify';
import { DependencyIndicators } from './dependency-indicators';
import { HealthResponseDto } from './health-response.dto';

/** A ping slower than this counts as down: a probe must answer fast. */
const DATABASE_PING_TIMEOUT_MS = 1500;

@ApiTags('health')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly dependencies: DependencyIndicators,
  ) {}

  @Get()
  @ApiOperation({ summary: "Service health in the seed's shape, for load balancers and scripts" })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({ type: HealthResponseDto, description: 'Database unreachable' })
  async summary(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthResponse> {
    const connected = await this.databaseIsUp();
    if (!connected) reply.status(503);
    return {
      status: connected ? 'healthy' : 'unhealthy',
      service: 'convoy-api',
      database: connected ? 'connected' : 'disconnected',
    };
  }

  @Get('live')
  @HealthCheck()
  @ApiOperation({ summary: 'Liveness: the process answers (no dependency checked)' })
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: every dependency answers in time' })
  ready() {
    return this.health.check([
      () => this.dependencies.shutdownCheck(),
      () => this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS }),
      () => this.dependencies.socketAdapterCheck(),
      () => this.dependencies.botCheck(),
    ]);
  }

  private async databaseIsUp(): Promise<boolean> {
    const result = await this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS });
    return result['database']?.status === 'up';
  }
}
