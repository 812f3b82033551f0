import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { grantAppRole, rolePrivileges } from './app-role';
import { dataSourceOptions } from './data-source-options';

// Arbitrary but fixed key: replicas starting together take turns running migrations.
const MIGRATION_LOCK_KEY = 7_312_001;

export class PrivilegedDatabaseRoleError extends Error {
  constructor(role: string, reasons: string[]) {
    super(
      `DATABASE_URL connects as role "${role}", which ${reasons.join(' and ')}; the API must connect as a role that is ` +
        'neither superuser nor owner (set MIGRATION_DATABASE_URL to the owner, DATABASE_URL to the API role)',
    );
    this.name = 'PrivilegedDatabaseRoleError';
  }
}

/**
 * Migrations and grants, over the owner's connection (MIGRATION_DATABASE_URL
 * or the privileged URL the runtime resolved); the API's own pool never needs
 * DDL rights.
 */
@Injectable()
export class MigrationService {
  private readonly logger = new Logger('Migrations');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async run(): Promise<number> {
    const appRole = await this.currentRole(this.dataSource);
    const separate = this.config.database.migrationUrl !== this.config.database.url;
    const owner = separate ? new DataSource(dataSourceOptions(this.config.database.migrationUrl, 2)) : this.dataSource;
    if (separate) await owner.initialize();
    const runner = owner.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      const applied = await owner.runMigrations({ transaction: 'each' });
      if (applied.length > 0) this.logger.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
      // After every start's migrations, so new tables are covered; under the lock, so replicas do not race.
      if (appRole !== (await this.currentRole(owner))) await grantAppRole((sql) => runner.query(sql), appRole);
      return applied.length;
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
      await runner.release();
      if (separate) await owner.destroy();
    }
  }

  /**
   * In production the API refuses to run as a superuser or as (a member of)
   * the tables' owner, which could switch off the append-only triggers.
   * Elsewhere it warns.
   */
  async verifyAppRole(): Promise<void> {
    const me = await rolePrivileges((sql) => this.dataSource.query(sql));
    const reasons = [...(me.superuser ? ['is a superuser'] : []), ...(me.ownsTables ? ['owns the tables'] : [])];
    if (reasons.length === 0) return;
    const error = new PrivilegedDatabaseRoleError(me.role, reasons);
    if (this.config.isProduction) throw error;
    this.logger.warn(error.message);
  }

  private async currentRole(ds: DataSource): Promise<string> {
    const [row] = (await ds.query('SELECT current_user AS role')) as Array<{ role: string }>;
    return row.role;
  }
}
