import type {
  ActivityCardView,
  AssessmentView,
  AttendanceView,
  BlockedVolunteerView,
  CancelSignupResult,
  CandidatesPage,
  CertificateView,
  CheckInCodeView,
  CodeOfConductView,
  ConcernCategory,
  ConcernListRow,
  ConcernRaised,
  ConcernStatusView,
  ConcernView,
  ConsentView,
  CoverageView,
  ChildTimelineEntry,
  ChildView,
  EmployeeHoursView,
  EvidenceView,
  FollowUpRole,
  FollowUpView,
  FeedMatchView,
  HourRecordView,
  InvitationView,
  LedgerEntryView,
  MemberView,
  MyHoursView,
  MyShiftRow,
  NeedBeneficiariesView,
  NeedSummaryView,
  NeedView,
  OrganizationHoursView,
  OrganizationRosterEntry,
  Page,
  PledgeView,
  RegisterComparisonView,
  RankedPage,
  RosterView,
  SafeguardingCheckView,
  SafeguardingDetailView,
  ServiceRecordView,
  ShiftVerificationResult,
  ShiftView,
  ShiftsCreatedView,
  SignupView,
  SkillView,
  TrailView,
  VolunteerProfileView,
} from '@kindred/contracts';
import type { HttpMethod, QueryValue } from '../providers/api-client';

/**
 * Every API operation the screens call by name: its method, its path template (`:name` marks a path
 * parameter) and, as types only, its request body and its answer from `@kindred/contracts`. Screens
 * read through Refine's `useCustom` (see `use-endpoint.ts`) and write through `useCustomMutation`;
 * the data provider is the one place that talks HTTP.
 */
export interface Operation<M extends HttpMethod, P extends string, Body, Response> {
  readonly method: M;
  readonly path: P;
  /** Types only: never set. */
  readonly types?: { body: Body; response: Response };
}

function operation<Response, Body = undefined>() {
  return <M extends HttpMethod, P extends string>(method: M, path: P): Operation<M, P, Body, Response> => ({ method, path });
}

/** Bodies the screens send. */
export interface ReasonBody {
  reason: string;
}
export type FormBody = Record<string, unknown>;
/** `POST /concerns` (API.md "Safeguarding concerns"). */
export interface RaiseConcernBody {
  organizationId: string;
  childId?: string;
  childDescription?: string;
  category: ConcernCategory;
  description: string;
  immediateDanger?: boolean;
  occurredAt?: string;
  location?: string;
}
/** `POST /children/{id}/follow-ups`: a one-to-one pairing. */
export interface CreateFollowUpBody {
  userId: string;
  role: FollowUpRole;
  contactEveryDays: number;
  startedOn?: string;
}
/** Reported: `authority` (and a reference); not reported: `reason`. */
export interface ReportDecisionBody {
  reportedToAuthorities: boolean;
  authority?: string;
  reference?: string;
  reason?: string;
}

export const ENDPOINTS = {
  // catalogue and the reader's own records
  skills: operation<SkillView[]>()('GET', 'skills'),
  codeOfConduct: operation<CodeOfConductView>()('GET', 'code-of-conduct'),
  myShifts: operation<MyShiftRow[]>()('GET', 'me/shifts'),
  myInvitations: operation<InvitationView[]>()('GET', 'me/invitations'),
  myHours: operation<MyHoursView>()('GET', 'me/hours'),
  myCertificates: operation<CertificateView[]>()('GET', 'me/certificates'),
  myMatches: operation<RankedPage<FeedMatchView>>()('GET', 'me/matches'),
  myVolunteerProfile: operation<VolunteerProfileView>()('GET', 'me/volunteer-profile'),
  saveMyVolunteerProfile: operation<VolunteerProfileView, FormBody>()('PUT', 'me/volunteer-profile'),
  mySafeguarding: operation<SafeguardingDetailView>()('GET', 'me/safeguarding'),
  acceptCodeOfConduct: operation<unknown, { version: string }>()('POST', 'me/code-of-conduct/accept'),
  requestCertificate: operation<CertificateView, { organizationId: string }>()('POST', 'certificates'),
  /** The printable certificate, an HTML page. */
  certificateDocument: operation<string>()('GET', 'certificates/:certificateId/document'),

  // organisations
  organizationHours: operation<OrganizationHoursView>()('GET', 'organizations/:organizationId/hours'),
  employeeHours: operation<EmployeeHoursView>()('GET', 'organizations/:organizationId/employee-hours'),
  organizationMembers: operation<MemberView[]>()('GET', 'organizations/:organizationId/members'),
  organizationRosters: operation<OrganizationRosterEntry[]>()('GET', 'organizations/:organizationId/rosters'),

  // needs and shifts
  needs: operation<Page<NeedSummaryView>>()('GET', 'needs'),
  createNeed: operation<NeedView, FormBody>()('POST', 'needs'),
  updateNeed: operation<NeedView, FormBody>()('PATCH', 'needs/:needId'),
  publishNeed: operation<NeedView>()('POST', 'needs/:needId/publish'),
  changeNeedStatus: operation<NeedView, FormBody>()('POST', 'needs/:needId/status'),
  needShifts: operation<Page<ShiftView>>()('GET', 'needs/:needId/shifts'),
  createShifts: operation<ShiftsCreatedView, FormBody>()('POST', 'needs/:needId/shifts'),
  needCoverage: operation<CoverageView>()('GET', 'needs/:needId/coverage'),
  needCandidates: operation<CandidatesPage>()('GET', 'needs/:needId/candidates'),
  shift: operation<ShiftView>()('GET', 'shifts/:shiftId'),
  cancelShift: operation<unknown, Record<string, never>>()('POST', 'shifts/:shiftId/cancel'),
  checkInCode: operation<CheckInCodeView>()('GET', 'shifts/:shiftId/check-in-code'),

  // engagement
  roster: operation<RosterView>()('GET', 'shifts/:shiftId/signups'),
  signUp: operation<SignupView>()('POST', 'shifts/:shiftId/signups'),
  cancelSignup: operation<CancelSignupResult, Record<string, never>>()('DELETE', 'signups/:signupId'),
  checkInWithCode: operation<AttendanceView, { token: string }>()('POST', 'shifts/:shiftId/check-in'),
  checkIn: operation<AttendanceView>()('POST', 'signups/:signupId/check-in'),
  checkOut: operation<AttendanceView>()('POST', 'signups/:signupId/check-out'),
  markNoShow: operation<SignupView>()('POST', 'signups/:signupId/no-show'),
  verifyShiftHours: operation<ShiftVerificationResult>()('POST', 'shifts/:shiftId/hours/verify'),
  verifyHours: operation<HourRecordView, Record<string, never>>()('POST', 'hour-records/:recordId/verify'),
  rejectHours: operation<HourRecordView, Record<string, never>>()('POST', 'hour-records/:recordId/reject'),
  reverseHours: operation<HourRecordView, ReasonBody>()('POST', 'hour-records/:recordId/reverse'),
  invite: operation<InvitationView, FormBody>()('POST', 'shifts/:shiftId/invitations'),
  acceptInvitation: operation<SignupView>()('POST', 'invitations/:invitationId/accept'),
  declineInvitation: operation<unknown>()('POST', 'invitations/:invitationId/decline'),

  // volunteers' safeguarding
  volunteerSafeguarding: operation<SafeguardingDetailView>()('GET', 'volunteers/:userId/safeguarding'),
  recordSafeguardingCheck: operation<SafeguardingCheckView, FormBody>()('POST', 'volunteers/:userId/safeguarding-checks'),
  blockingChecks: operation<Page<BlockedVolunteerView>>()('GET', 'safeguarding-checks/blocking'),
  liftBlock: operation<SafeguardingCheckView, ReasonBody>()('POST', 'safeguarding-checks/:checkId/lift'),

  // children's registry (the list and a file are Refine's `children` resource)
  childTimeline: operation<ChildTimelineEntry[]>()('GET', 'children/:childId/timeline'),
  childConsent: operation<ConsentView | null>()('GET', 'children/:childId/consent'),
  putChildConsent: operation<ConsentView, FormBody>()('PUT', 'children/:childId/consent'),
  withdrawChildConsent: operation<ConsentView>()('DELETE', 'children/:childId/consent'),
  recordChildService: operation<ServiceRecordView, FormBody>()('POST', 'children/:childId/services'),
  recordChildAssessment: operation<AssessmentView, FormBody>()('POST', 'children/:childId/assessments'),
  exitChild: operation<ChildView, FormBody>()('POST', 'children/:childId/exit'),
  activityCard: operation<ActivityCardView>()('GET', 'signups/:signupId/activity-card'),
  childFollowUps: operation<{ data: FollowUpView[] }>()('GET', 'children/:childId/follow-ups'),
  createFollowUp: operation<FollowUpView, CreateFollowUpBody>()('POST', 'children/:childId/follow-ups'),
  endFollowUp: operation<FollowUpView, { endedOn?: string }>()('POST', 'children/:childId/follow-ups/:followUpId/end'),
  needBeneficiaries: operation<NeedBeneficiariesView>()('GET', 'needs/:needId/beneficiaries'),
  linkBeneficiaries: operation<NeedBeneficiariesView, { childIds: string[]; needToKnow?: Record<string, string[]> }>()(
    'POST',
    'needs/:needId/beneficiaries',
  ),
  unlinkBeneficiary: operation<NeedBeneficiariesView>()('DELETE', 'needs/:needId/beneficiaries/:childId'),
  /** Multipart: the government register as `file` (xlsx). */
  compareRegister: operation<RegisterComparisonView, FormData>()('POST', 'organizations/:organizationId/children/register-comparisons'),

  // safeguarding concerns
  raiseConcern: operation<ConcernRaised, RaiseConcernBody>()('POST', 'concerns'),
  concernsQueue: operation<Page<ConcernListRow>>()('GET', 'organizations/:organizationId/concerns'),
  myConcerns: operation<{ data: ConcernStatusView[] }>()('GET', 'me/concerns'),
  concern: operation<ConcernView | ConcernStatusView>()('GET', 'concerns/:concernId'),
  acknowledgeConcern: operation<ConcernView, Record<string, never>>()('POST', 'concerns/:concernId/acknowledge'),
  decideConcernReport: operation<ConcernView, ReportDecisionBody>()('POST', 'concerns/:concernId/report-decision'),
  closeConcern: operation<ConcernView, { outcome: string }>()('POST', 'concerns/:concernId/close'),

  // giving
  pledges: operation<Page<PledgeView>>()('GET', 'pledges'),
  pledge: operation<PledgeView>()('GET', 'pledges/:pledgeId'),
  pledgeTrail: operation<TrailView>()('GET', 'pledges/:pledgeId/trail'),
  createPledge: operation<PledgeView, FormBody>()('POST', 'pledges'),
  recordReceipt: operation<LedgerEntryView, FormBody>()('POST', 'pledges/:pledgeId/receipts'),
  recordUsage: operation<LedgerEntryView, FormBody>()('POST', 'pledges/:pledgeId/usages'),
  uploadEvidence: operation<EvidenceView, FormData>()('POST', 'evidence'),
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
type Def<N extends EndpointName> = (typeof ENDPOINTS)[N];

export type ResponseOf<N extends EndpointName> = NonNullable<Def<N>['types']>['response'];
export type BodyOf<N extends EndpointName> = NonNullable<Def<N>['types']>['body'];

/** `'shifts/:shiftId/signups'` → `{ shiftId: string }`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name | keyof PathParams<Rest>]: string }
  : P extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>;

export type ParamsOf<N extends EndpointName> = PathParams<Def<N>['path']>;

/** What a call names beyond the operation: path parameters when it has some, a body when it takes one, and a query. */
export type EndpointArgs<N extends EndpointName> = (keyof ParamsOf<N> extends never ? { params?: undefined } : { params: ParamsOf<N> }) &
  (BodyOf<N> extends undefined ? { body?: undefined } : { body: BodyOf<N> }) & {
    query?: Record<string, QueryValue>;
    /** Sent as `Idempotency-Key`. */
    idempotencyKey?: string;
  };

/** The path of an operation with its parameters filled in (each one URL-encoded). */
export function endpointPath<N extends EndpointName>(name: N, params?: ParamsOf<N>): string {
  const values = (params ?? {}) as Record<string, string>;
  return ENDPOINTS[name].path.replace(/:(\w+)/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined || value === '') throw new Error(`${name}: missing path parameter ${key}`);
    return encodeURIComponent(value);
  });
}
