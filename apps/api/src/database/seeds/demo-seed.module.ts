import { Module } from '@nestjs/common';
import { EngagementModule } from '../../modules/engagement/engagement.module';
import { GivingModule } from '../../modules/giving/giving.module';
import { IdentityModule } from '../../modules/identity/identity.module';
import { NeedsModule } from '../../modules/needs/needs.module';
import { VolunteersModule } from '../../modules/volunteers/volunteers.module';
import { CHILD_CIPHER_PROVIDER } from '../../modules/children/child-cipher.provider';
import { ChildrenRepository } from '../../modules/children/children.repository';
import { DemoActivitySeeder } from './demo-activity.seeder';
import { DemoChildrenRepository } from './demo-children.repository';
import { DemoChildrenSeeder } from './demo-children.seeder';
import { DemoNeedsSeeder } from './demo-needs.seeder';
import { DemoStateRepository } from './demo-state.repository';
import { DemoSeeder } from './demo.seeder';

@Module({
  imports: [IdentityModule, VolunteersModule, NeedsModule, EngagementModule, GivingModule],
  providers: [
    DemoStateRepository,
    DemoSeeder,
    DemoNeedsSeeder,
    DemoActivitySeeder,
    // The registry's own cipher and repository: the demo files are written exactly as registration writes them.
    CHILD_CIPHER_PROVIDER,
    ChildrenRepository,
    DemoChildrenRepository,
    DemoChildrenSeeder,
  ],
  exports: [DemoSeeder],
})
export class DemoSeedModule {}
