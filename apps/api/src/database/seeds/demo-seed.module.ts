import { Module } from '@nestjs/common';
import { IdentityModule } from '../../modules/identity/identity.module';
import { NeedsModule } from '../../modules/needs/needs.module';
import { VolunteersModule } from '../../modules/volunteers/volunteers.module';
import { DemoNeedsSeeder } from './demo-needs.seeder';
import { DemoStateRepository } from './demo-state.repository';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [IdentityModule, VolunteersModule, NeedsModule],
  providers: [DemoStateRepository, DemoSeeder, DemoNeedsSeeder],
  exports: [DemoSeeder],
})
export class DemoSeedModule {}
