import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfig } from './app-config';

/** Makes the boot-time AppConfig injectable everywhere. */
@Global()
@Module({})
export class KindredConfigModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: KindredConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, isGlobal: true, load: [() => ({ app: config })] })],
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
