import type { EntitySchema, MixedList } from 'typeorm';
import { IdempotencyKeyEntity } from '../common/idempotency/idempotency-key.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { ChildAssessmentEntity } from '../modules/children/child-assessment.entity';
import { ChildCategoryChangeEntity } from '../modules/children/child-category-change.entity';
import { ChildConsentEntity } from '../modules/children/child-consent.entity';
import { ChildFollowUpEntity } from '../modules/children/child-follow-up.entity';
import { ChildHouseholdEntity } from '../modules/children/child-household.entity';
import { ChildServiceEntity } from '../modules/children/child-service.entity';
import { ChildEntity } from '../modules/children/child.entity';
import { NeedBeneficiaryEntity } from '../modules/children/need-beneficiary.entity';
import { ConcernEntity } from '../modules/concerns/concern.entity';
import { CertificateEntity } from '../modules/engagement/certificate.entity';
import { CheckInAttemptEntity } from '../modules/engagement/check-in-attempt.entity';
import { HourRecordEntity } from '../modules/engagement/hour-record.entity';
import { InvitationEntity } from '../modules/engagement/invitation.entity';
import { ShiftSeatEntity } from '../modules/engagement/shift-seat.entity';
import { SignupEntity } from '../modules/engagement/signup.entity';
import { EvidenceFileEntity } from '../modules/giving/evidence-file.entity';
import { LedgerEntryEntity } from '../modules/giving/ledger-entry.entity';
import { LedgerLineEntity } from '../modules/giving/ledger-line.entity';
import { PledgeLineEntity } from '../modules/giving/pledge-line.entity';
import { PledgeEntity } from '../modules/giving/pledge.entity';
import { MembershipEntity } from '../modules/identity/membership.entity';
import { OrganizationEntity } from '../modules/identity/organization.entity';
import { SessionEntity } from '../modules/identity/session.entity';
import { UserEntity } from '../modules/identity/user.entity';
import { OutboxCursorEntity } from '../modules/live/outbox-cursor.entity';
import { OutboxEventEntity } from '../modules/live/outbox-event.entity';
import { GoodsOfferEntity } from '../modules/matching/goods-offer.entity';
import { NeedItemEntity } from '../modules/needs/need-item.entity';
import { NeedEntity } from '../modules/needs/need.entity';
import { ProgrammeEntity } from '../modules/needs/programme.entity';
import { ShiftSeriesEntity } from '../modules/needs/shift-series.entity';
import { ShiftEntity } from '../modules/needs/shift.entity';
import { CodeOfConductVersionEntity } from '../modules/volunteers/code-of-conduct-version.entity';
import { SafeguardingCheckEntity } from '../modules/volunteers/safeguarding-check.entity';
import { SkillEntity } from '../modules/volunteers/skill.entity';
import { VolunteerProfileEntity } from '../modules/volunteers/volunteer-profile.entity';

/** Every entity of every bounded context, listed explicitly so the app, the CLI and the tests see the same set. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const ENTITIES: MixedList<Function | string | EntitySchema> = [
  UserEntity,
  OrganizationEntity,
  MembershipEntity,
  SessionEntity,
  AuditEntryEntity,
  OutboxEventEntity,
  OutboxCursorEntity,
  IdempotencyKeyEntity,
  PledgeEntity,
  PledgeLineEntity,
  LedgerEntryEntity,
  LedgerLineEntity,
  EvidenceFileEntity,
  ShiftSeatEntity,
  SignupEntity,
  HourRecordEntity,
  CertificateEntity,
  CheckInAttemptEntity,
  InvitationEntity,
  SkillEntity,
  VolunteerProfileEntity,
  SafeguardingCheckEntity,
  CodeOfConductVersionEntity,
  ProgrammeEntity,
  NeedEntity,
  NeedItemEntity,
  ShiftSeriesEntity,
  ShiftEntity,
  GoodsOfferEntity,
  ChildHouseholdEntity,
  ChildEntity,
  ChildCategoryChangeEntity,
  ChildConsentEntity,
  ChildServiceEntity,
  ChildAssessmentEntity,
  ChildFollowUpEntity,
  NeedBeneficiaryEntity,
  ConcernEntity,
];
