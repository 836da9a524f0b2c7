import { Logger, type INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { AppConfig } from '@convoy/server/config';
import type { Server, ServerOptions } from 'socket.io';
import { LiveRedis } from './live-redis';

/**
 * Socket.IO on the API's own HTTP server. With REDIS_URL, broadcasts go through Redis pub/sub so a
 * client connected to instance A receives what instance B ingested; without it they stay in-process.
 */
export class LiveAdapter extends IoAdapter {
  private readonly logger = new Logger('LiveAdapter');
  private redisAdapter: ReturnType<typeof createAdapter> | null = null;
  private readonly config: AppConfig;

  constructor(private readonly app: INestApplication) {
    super(app);
    this.config = app.get(AppConfig);
  }

  /** Connects to Redis when configured; call before the gateways start. */
  async connect(): Promise<void> {
    const clients = await this.app.get(LiveRedis).connect();
    if (!clients) return;
    // REDIS_PREFIX keeps deployments (and test runs) that share one Redis apart
    this.redisAdapter = createAdapter(clients.publisher, clients.subscriber, { key: `${this.config.redisPrefix}:socket.io` });
    this.logger.log('Socket.IO broadcasts through Redis');
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const cors = this.config.corsOrigins.length ? { origin: this.config.corsOrigins, credentials: true } : undefined;
    const server: Server = super.createIOServer(port, { ...options, cors });
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }
}
