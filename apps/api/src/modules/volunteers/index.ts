/** The volunteers context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { CodeOfConductService } from './code-of-conduct.service';
export { type SafeguardingBlock, SafeguardingLifecycle } from './safeguarding-lifecycle';
export { SafeguardingService } from './safeguarding.service';
export { SkillsService } from './skills.service';
export { VolunteerDirectoryService } from './volunteer-directory.service';
export { VolunteerProfilesService } from './volunteer-profiles.service';
export { VolunteersModule } from './volunteers.module';
