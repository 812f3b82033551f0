import { Module } from '@nestjs/common';
import { EngagementModule } from '../../modules/engagement/engagement.module';
import { GivingModule } from '../../modules/giving/giving.module';
import { IdentityModule } from '../../modules/identity/identity.module';
import { NeedsModule } from '../../modules/needs/needs.module';
import { VolunteersModule } from '../../modules/volunteers/volunteers.module';
import { DemoActivitySeeder } from './demo-activity.seeder';
import { DemoNeedsSeeder } from './demo-needs.seeder';
import { DemoStateRepository } from './demo-state.repository';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [IdentityModule, VolunteersModule, NeedsModule, EngagementModule, GivingModule],
  providers: [DemoStateRepository, DemoSeeder, DemoNeedsSeeder, DemoActivitySeeder],
  exports: [DemoSeeder],
})
export class DemoSeedModule {}
