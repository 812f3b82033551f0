/** The engagement context's public face: other contexts import only what is exported here (a lint rule refuses deep imports). */
export { EngagementModule } from './engagement.module';
export { HoursService } from './hours.service';
export { ShiftDirectory, VolunteerDirectory } from './ports';
export { SignupsService } from './signups.service';
export { VolunteerTies } from './volunteer-ties.service';
