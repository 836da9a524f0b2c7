import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@convoy/server/config';
import { createClient, type RedisClientType } from 'redis';

/** The pub/sub connections of the Socket.IO Redis adapter (REDIS_URL), and their health. */
@Injectable()
export class LiveRedis implements OnApplicationShutdown {
  private readonly logger = new Logger(LiveRedis.name);
  private clients: { publisher: RedisClientType; subscriber: RedisClientType } | null = null;

  constructor(private readonly config: AppConfig) {}

  get enabled(): boolean {
    return this.config.redisUrl !== null;
  }

  /** Connects once; null when REDIS_URL is not set. */
  async connect(): Promise<{ publisher: RedisClientType; subscriber: RedisClientType } | null> {
    if (!this.config.redisUrl) return null;
    if (this.clients) return this.clients;
    const publisher: RedisClientType = createClient({ url: this.config.redisUrl });
    const subscriber = publisher.duplicate();
    for (const client of [publisher, subscriber]) {
      client.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    }
    await Promise.all([publisher.connect(), subscriber.connect()]);
    this.clients = { publisher, subscriber };
    return this.clients;
  }

  /** Readiness: Redis answers PING (always true without Redis). */
  async isUp(): Promise<boolean> {
    if (!this.enabled) return true;
    try {
      return (await this.clients?.publisher.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const clients = this.clients;
    this.clients = null;
    if (!clients) return;
    await Promise.all([clients.publisher.quit(), clients.subscriber.quit()].map((p) => p.catch(() => undefined)));
  }
}
