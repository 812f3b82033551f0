import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './common/auth/auth.guard';
import { DatabaseModule } from './common/database/database.module';
import { ProblemFilter } from './common/errors/problem.filter';
import { IdempotencyModule } from './common/idempotency/idempotency.module';
import { HealthModule } from './common/health/health.module';
import { SpaFallback } from './common/http/spa-fallback';
import { LoggingModule } from './common/logging/logging.module';
import { StorageModule } from './common/storage/storage.module';
import { AppConfig } from './config/app-config';
import { KindredConfigModule } from './config/config.module';
import { DemoSeedModule } from './database/seeds/demo-seed.module';
import { MigrationService } from './database/migration.service';
import { CONTEXT_MODULES } from './modules';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        KindredConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        IdempotencyModule,
        StorageModule,
        HealthModule,
        ...CONTEXT_MODULES,
        DemoSeedModule,
      ],
      providers: [
        SpaFallback,
        MigrationService,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
