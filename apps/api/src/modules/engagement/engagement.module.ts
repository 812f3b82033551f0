import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { LiveOutboxModule } from '../live';
import { NeedsModule } from '../needs';
import { VolunteerDirectoryService, VolunteersModule } from '../volunteers';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';
import { HourRecordListsService } from './hour-record-lists.service';
import { HoursController } from './hours.controller';
import { HoursRepository } from './hours.repository';
import { HoursService } from './hours.service';
import { InvitationsController } from './invitations.controller';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { NeedsSyncListener } from './needs-sync.listener';
import { SafeguardingSyncListener } from './safeguarding-sync.listener';
import { VolunteerDirectory } from './ports';
import { CheckInAttemptsRepository } from './check-in-attempts.repository';
import { SeatsRepository } from './seats.repository';
import { ShiftUpdates } from './shift-updates';
import { SignupListsController } from './signup-lists.controller';
import { SignupListsService } from './signup-lists.service';
import { SignupsController } from './signups.controller';
import { SignupsRepository } from './signups.repository';
import { SignupsService } from './signups.service';
import { WaitlistService } from './waitlist.service';
import { VolunteerTiesRepository } from './volunteer-ties.repository';
import { VolunteerTies } from './volunteer-ties.service';

/** Sign-ups, waitlist, attendance, hours and certificates (DESIGN §2 engagement). */
@Module({
  imports: [AuditModule, LiveOutboxModule, IdentityModule, NeedsModule, VolunteersModule],
  controllers: [SignupsController, SignupListsController, AttendanceController, InvitationsController, HoursController],
  providers: [
    SeatsRepository,
    SignupsRepository,
    HoursRepository,
    CheckInAttemptsRepository,
    CertificatesRepository,
    InvitationsRepository,
    SignupsService,
    WaitlistService,
    SignupListsService,
    AttendanceService,
    HoursService,
    HourRecordListsService,
    CertificatesService,
    InvitationsService,
    NeedsSyncListener,
    SafeguardingSyncListener,
    ShiftUpdates,
    VolunteerTiesRepository,
    VolunteerTies,
    { provide: VolunteerDirectory, useExisting: VolunteerDirectoryService },
  ],
  exports: [SignupsService, SignupListsService, HoursService, VolunteerTies],
})
export class EngagementModule {}
