import { Module } from '@nestjs/common';
import { IdentityModule } from '../../modules/identity/identity.module';
import { DemoStateRepository } from './demo-state.repository';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [IdentityModule],
  providers: [DemoStateRepository, DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoSeedModule {}
