import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { IdentityModule } from '../identity';
import { LiveOutboxModule } from '../live';
import { NeedFactsService, NeedsModule } from '../needs';
import { VolunteerDirectoryService, VolunteersModule } from '../volunteers';
import { AttendanceService } from './attendance.service';
import { CertificatesRepository } from './certificates.repository';
import { CertificatesService } from './certificates.service';
import { HoursController } from './hours.controller';
import { HoursRepository } from './hours.repository';
import { HoursService } from './hours.service';
import { InvitationsRepository } from './invitations.repository';
import { InvitationsService } from './invitations.service';
import { NeedsSyncListener } from './needs-sync.listener';
import { ShiftDirectory, VolunteerDirectory } from './ports';
import { SeatCountsMirror } from './seat-counts.mirror';
import { CheckInAttemptsRepository } from './check-in-attempts.repository';
import { SeatsRepository } from './seats.repository';
import { SignupsController } from './signups.controller';
import { SignupsRepository } from './signups.repository';
import { SignupsService } from './signups.service';
import { VolunteerTiesRepository } from './volunteer-ties.repository';
import { VolunteerTies } from './volunteer-ties.service';

/** Sign-ups, waitlist, attendance, hours and certificates (DESIGN §2 engagement). */
@Module({
  imports: [AuditModule, LiveOutboxModule, IdentityModule, NeedsModule, VolunteersModule],
  controllers: [SignupsController, HoursController],
  providers: [
    SeatsRepository,
    SignupsRepository,
    HoursRepository,
    CheckInAttemptsRepository,
    CertificatesRepository,
    InvitationsRepository,
    SignupsService,
    AttendanceService,
    HoursService,
    CertificatesService,
    InvitationsService,
    NeedsSyncListener,
    SeatCountsMirror,
    VolunteerTiesRepository,
    VolunteerTies,
    { provide: ShiftDirectory, useExisting: NeedFactsService },
    { provide: VolunteerDirectory, useExisting: VolunteerDirectoryService },
  ],
  exports: [SignupsService, HoursService, VolunteerTies],
})
export class EngagementModule {}
