/**
 * Safeguarding concerns (API.md "Safeguarding concerns"; protection-and-giving R6, R7).
 * Timestamps are ISO 8601 strings. A concern's text (description, the child's
 * description, where, outcome, a decision's reason) is encrypted at rest and
 * shown only to the NGO's owners and coordinators.
 */

/** Situations people in close contact with minors must report to the police (强制报告). */
export const STATUTORY_CONCERN_CATEGORIES = [
  'sexual_abuse',
  'physical_abuse',
  'neglect',
  'abandonment',
  'domestic_violence',
  'self_harm',
  'trafficking',
  'missing',
] as const;
export const OTHER_CONCERN_CATEGORIES = ['bullying', 'emotional_wellbeing', 'unsafe_living', 'school_dropout', 'other'] as const;
export const CONCERN_CATEGORIES = [...STATUTORY_CONCERN_CATEGORIES, ...OTHER_CONCERN_CATEGORIES] as const;
export type StatutoryConcernCategory = (typeof STATUTORY_CONCERN_CATEGORIES)[number];
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];

/** Whether a concern of this category cannot close without the police-report decision. */
export function isStatutoryConcern(category: ConcernCategory): boolean {
  return (STATUTORY_CONCERN_CATEGORIES as readonly string[]).includes(category);
}

export const CONCERN_STATUSES = ['open', 'acknowledged', 'closed'] as const;
export type ConcernStatus = (typeof CONCERN_STATUSES)[number];

/** `manual`: raised by a person; `registry_flag`: opened by the registry's risk rules (R7). */
export const CONCERN_SOURCES = ['manual', 'registry_flag'] as const;
export type ConcernSource = (typeof CONCERN_SOURCES)[number];

/** The answer to raising a concern. */
export interface ConcernRaised {
  id: string;
  status: 'open';
  /** 1 h after raising when the child is in immediate danger, else 24 h. */
  ackDueAt: string;
}

/** The police-report decision (R6): reported (to which authority, reference) or not (why). */
export interface ConcernReportDecisionView {
  reportedToAuthorities: boolean;
  authority: string | null;
  reference: string | null;
  reason: string | null;
  decidedAt: string;
  decidedBy: string | null;
}

/** A row of the NGO's concerns queue (owners and coordinators); no text. */
export interface ConcernListRow {
  id: string;
  organizationId: string;
  childId: string | null;
  /** The child's alias when a registered child is concerned. */
  childAlias: string | null;
  category: ConcernCategory;
  statutory: boolean;
  immediateDanger: boolean;
  status: ConcernStatus;
  source: ConcernSource;
  ackDueAt: string;
  /** Open and past `ackDueAt`, computed when read. */
  overdue: boolean;
  decided: boolean;
  createdAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
}

/** A concern in full (owners and coordinators of the NGO). */
export interface ConcernView extends ConcernListRow {
  reporterUserId: string | null;
  childDescription: string | null;
  description: string;
  occurredAt: string | null;
  location: string | null;
  acknowledgedBy: string | null;
  reportDecision: ConcernReportDecisionView | null;
  closedBy: string | null;
  outcome: string | null;
}

/** What the reporter sees of their own concern: its progress, not the case notes. */
export interface ConcernStatusView {
  id: string;
  organizationId: string;
  category: ConcernCategory;
  status: ConcernStatus;
  createdAt: string;
  acknowledgedAt: string | null;
  closedAt: string | null;
}
