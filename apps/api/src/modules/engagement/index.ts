/** The engagement context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { EngagementModule } from './engagement.module';
export { HoursService } from './hours.service';
export { VolunteerDirectory } from './ports';
export { SignupListsService } from './signup-lists.service';
export { SignupsService } from './signups.service';
export { VolunteerTies } from './volunteer-ties.service';
