import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { AppConfig } from '@convoy/server/config';
import { createClient, type RedisClientType } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Socket.IO for the API's own HTTP server. With REDIS_URL, broadcasts go through Redis pub/sub so a
 * client connected to instance A receives what instance B ingested; without it they stay in-process.
 */
export class LiveAdapter extends IoAdapter {
  private readonly logger = new Logger('LiveAdapter');
  private redisAdapter: ReturnType<typeof createAdapter> | null = null;
  private clients: RedisClientType[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  /** Connects to Redis when configured; call before the app listens. */
  async connect(): Promise<void> {
    if (!this.config.redisUrl) return;
    const publisher: RedisClientType = createClient({ url: this.config.redisUrl });
    const subscriber = publisher.duplicate();
    for (const client of [publisher, subscriber]) {
      client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    }
    await Promise.all([publisher.connect(), subscriber.connect()]);
    this.clients = [publisher, subscriber];
    this.redisAdapter = createAdapter(publisher, subscriber);
    this.logger.log('Socket.IO uses the Redis adapter');
  }

  get mode(): 'redis' | 'in-process' {
    return this.redisAdapter ? 'redis' : 'in-process';
  }

  /** Whether Redis answers (readiness). */
  async ping(): Promise<boolean> {
    if (!this.clients[0]) return true;
    try {
      return (await this.clients[0].ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, cors: this.cors() });
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.clients.map((client) => client.quit().catch(() => undefined)));
    this.clients = [];
  }

  private cors(): ServerOptions['cors'] {
    return this.config.corsOrigins.length ? { origin: this.config.corsOrigins, credentials: true } : undefined;
  }
}
