import { Controller, Get, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SESSION_COOKIE, type HealthResponse } from '@convoy/contracts';
import { AuthenticationService, bearerToken, Public } from '@convoy/server/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DependencyIndicators } from './dependency-indicators';
import { HealthResponseDto } from './health-response.dto';
import { ReadinessLog } from './readiness-log';
import { publicReadiness } from './readiness-view';

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
    private readonly readinessLog: ReadinessLog,
    private readonly authentication: AuthenticationService,
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
  @ApiOperation({
    summary: 'Readiness: every dependency answers in time',
    description:
      'Anyone sees up/down per dependency. A signed-in admin (session cookie or Bearer token) also sees error ' +
      'messages, the bot mode, its last Bot API error and the polling leader.',
  })
  async ready(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    const result = await this.checkReadiness();
    this.readinessLog.observe(result.details);
    if (result.status !== 'ok') reply.status(503);
    return (await this.isAdmin(request)) ? result : publicReadiness(result);
  }

  /** Terminus' result whether up or down (it throws the 503 body; its own logging is off, see ReadinessLog). */
  private async checkReadiness(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.dependencies.shutdownCheck(),
        () => this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS }),
        () => this.dependencies.socketAdapterCheck(),
        () => this.dependencies.botCheck(),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) return error.getResponse() as HealthCheckResult;
      throw error;
    }
  }

  /** Probes send no credential, so this costs nothing for them; a failed check counts as "not admin". */
  private async isAdmin(request: FastifyRequest): Promise<boolean> {
    const token = bearerToken(request) ?? request.cookies?.[SESSION_COOKIE];
    if (!token) return false;
    const principal = await this.authentication.authenticate(token).catch(() => null);
    return principal?.user.role === 'admin';
  }

  private async databaseIsUp(): Promise<boolean> {
    const result = await this.database.pingCheck('database', { timeout: DATABASE_PING_TIMEOUT_MS });
    return result['database']?.status === 'up';
  }
}
