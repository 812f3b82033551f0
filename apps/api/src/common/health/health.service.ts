import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { HealthResponse } from '@kindred/contracts';

const VERSION = process.env.npm_package_version ?? '0.1.0';

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  async check(): Promise<HealthResponse> {
    const uptimeSeconds = Math.round(process.uptime());
    try {
      await this.health.check([() => this.db.pingCheck('database', { timeout: 1500 })]);
      return { status: 'ok', db: 'up', version: VERSION, uptimeSeconds };
    } catch {
      return { status: 'error', db: 'down', version: VERSION, uptimeSeconds };
    }
  }
}
