import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../../config/app-config';

/**
 * socket.io on the API's HTTP server; with REDIS_URL set, the Redis adapter
 * links the replicas so that the one replica that publishes reaches sockets
 * connected to every other one. No CORS options: the admin client is served
 * from the same origin, and other origins get no CORS headers.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly liveLogger = new Logger(LiveIoAdapter.name);
  private redisClients: Redis[] = [];
  private redisAdapter: ReturnType<typeof createAdapter> | null = null;

  /** Connects to Redis first when configured, so a wrong REDIS_URL stops the start instead of failing later. */
  static async create(app: INestApplicationContext, config: AppConfig): Promise<LiveIoAdapter> {
    const adapter = new LiveIoAdapter(app);
    if (config.redis.url) await adapter.connectRedis(config.redis.url, config.database.url);
    return adapter;
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options) as Server;
    if (this.redisAdapter) server.adapter(this.redisAdapter);
    return server;
  }

  override async dispose(): Promise<void> {
    const clients = this.redisClients;
    this.redisClients = [];
    await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
  }

  private async connectRedis(url: string, databaseUrl: string): Promise<void> {
    // The adapter does not handle a failed PUBLISH: commands wait out an outage in the offline queue instead of
    // rejecting (an unhandled rejection would end the process); a replica that missed a batch reads it from the table.
    const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: null });
    const sub = pub.duplicate();
    this.redisClients = [pub, sub];
    for (const [name, client] of [
      ['publish', pub],
      ['subscribe', sub],
    ] as const) {
      // ioredis reconnects by itself; without a listener an outage would crash the process.
      client.on('error', (error: Error) => this.liveLogger.warn(`Redis (${name}) for live updates: ${error.message}`));
    }
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.disconnect();
      sub.disconnect();
      throw new Error(`REDIS_URL: could not connect to Redis for live updates (${(error as Error).message})`, { cause: error });
    }
    // Replicas of one deployment share a database; its name keeps deployments (and parallel test runs) that share a Redis apart.
    const database = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, '')) || 'default';
    this.redisAdapter = createAdapter(pub, sub, { key: `kindred:live:${database}` });
  }
}
