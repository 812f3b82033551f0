import { Client, type ClientConfig } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from '../common/database/snake-naming.strategy';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * pg-pool drops its 'error' listener while a client is checked out, and TypeORM adds none. A connection
 * lost between two statements of a transaction (server restart, pg_terminate_backend, network) would then
 * emit an unhandled 'error' and take the whole process down. With this listener the loss only fails the
 * next statement on that client (answered like any database failure), and the pool discards the client
 * when it is released.
 */
class PooledClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export interface PoolOptions {
  size: number;
  /** How long a query waits for a free connection; a burst queues rather than failing fast. */
  acquireTimeoutMs: number;
}

/** One definition of the connection, shared by the app, the CLI and the tests. `synchronize` is off everywhere. */
export function dataSourceOptions(url: string, pool: number | PoolOptions = 10): DataSourceOptions {
  const { size, acquireTimeoutMs } = typeof pool === 'number' ? { size: pool, acquireTimeoutMs: 30_000 } : pool;
  return {
    type: 'postgres',
    // gen_random_uuid() is built into PostgreSQL 13+; no extension needed.
    uuidExtension: 'pgcrypto',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      Client: PooledClient,
      max: size,
      // pg's pool counts this from the request for a connection, queueing included.
      connectionTimeoutMillis: acquireTimeoutMs,
      application_name: 'kindred-api',
      // A connection whose server went away (restart, failover) is noticed and replaced.
      keepAlive: true,
    },
  };
}
