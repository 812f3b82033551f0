import type { NeedSummaryView } from './api';
import type { GoodsFactor, OfferStatus, VolunteerFactor } from './enums';
import type { PledgeView } from './giving';

/** Answers of the matching API: the volunteer's feed, candidates for a shift, goods offers. */

/** One line of "why": a factor, the points it gave, and a sentence in both languages. */
export interface MatchReason {
  factor: VolunteerFactor | GoodsFactor;
  contribution: number;
  text: { 'zh-CN': string; en: string };
}

/** A ranked list: one page, the cursor of the next, and the model that ranked it. */
export interface RankedPage<T> {
  data: T[];
  nextCursor: string | null;
  modelVersion: string;
}

/** The shift a feed entry proposes. */
export interface MatchShiftView {
  id: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  confirmedCount: number;
  waitlistCount: number;
  /** Signing up now would put the caller on the waitlist (only with includeFull=true). */
  full: boolean;
}

/** A shift suggested to the caller (`GET /me/matches`): the need (as in search results), the shift, and why. */
export interface FeedMatchView {
  needId: string;
  shiftId: string;
  need: Omit<NeedSummaryView, 'distanceKm'> & { distanceKm: number | null };
  shift: MatchShiftView;
  score: number;
  reasons: MatchReason[];
  actions: { signUp: { method: 'POST'; href: string } };
}

/** A volunteer suggested for a shift (`GET /needs/{id}/candidates`): what a coordinator needs to invite, nothing more. */
export interface CandidateView {
  userId: string;
  displayName: string;
  volunteerNumber: string;
  /** County of the volunteer's region (their township or coordinates are not shown). */
  countyCode: string;
  distanceKm: number | null;
  matchedSkills: string[];
  score: number;
  reasons: MatchReason[];
  actions: { invite: { method: 'POST'; href: string; body: { userId: string } } };
}

export interface CandidatesPage extends RankedPage<CandidateView> {
  needId: string;
  /** The shift they were ranked for; null when the need has no shift that has not started. */
  shiftId: string | null;
  shiftFull: boolean;
}

export interface OfferView {
  id: string;
  item: string;
  unit: string;
  quantity: number;
  regionCode: string;
  location: { lat: number; lng: number } | null;
  until: string;
  note: string | null;
  status: OfferStatus;
  onBehalfOf: string | null;
  acceptedNeedId: string | null;
  pledgeId: string | null;
  createdAt: string;
}

/** An open goods need line ranked for an offer (`GET /offers/{id}/matches`). */
export interface OfferNeedMatchView {
  needId: string;
  organizationId: string;
  organizationName: string | null;
  title: string;
  regionCode: string;
  itemId: string;
  item: string;
  unit: string;
  needed: number;
  pledged: number;
  outstanding: number;
  score: number;
  reasons: MatchReason[];
  actions: { accept: { method: 'POST'; href: string; body: { needId: string; lines: Array<{ itemId: string; quantity: number }> } } };
}

/** An open offer ranked for one of a need's lines (`GET /needs/{id}/offers`, coordinators). The donor's person is not named. */
export interface NeedOfferMatchView {
  offerId: string;
  item: string;
  unit: string;
  quantity: number;
  regionCode: string;
  until: string;
  donor: { kind: 'person' | 'company'; organizationName: string | null };
  itemId: string;
  itemName: string;
  outstanding: number;
  score: number;
  reasons: MatchReason[];
}

/** `POST /offers/{id}/accept`: the offer, now reserved, and the pledge it became. */
export interface AcceptedOfferView {
  offer: OfferView;
  pledge: PledgeView;
}
