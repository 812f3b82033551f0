import type { NeedStatus, OrganizationStatus } from '@kindred/contracts';

/*
 * The ports this context provides to others, declared once here and bound in
 * NeedsModule to NeedFactsService: giving injects NeedFacts, engagement
 * ShiftDirectory. Both act as the system (no caller to check).
 */

/** What giving needs to know about a need. */
export interface NeedForGiving {
  id: string;
  orgId: string;
  orgStatus: OrganizationStatus;
  status: NeedStatus;
  title: string;
  targetFen: number | null;
  items: Array<{ id: string; name: string; unit: string; quantity: number }>;
}

/** What engagement needs to know about a shift and its need (capacity and seats are engagement's own). */
export interface ShiftFacts {
  shiftId: string;
  needId: string;
  orgId: string;
  orgStatus: OrganizationStatus;
  needStatus: NeedStatus;
  needTitle: string;
  needType: string;
  startsAt: Date;
  endsAt: Date;
  childContact: boolean;
  minAge: number | null;
}

/** Giving's view of needs. */
export abstract class NeedFacts {
  abstract forGiving(needId: string): Promise<NeedForGiving | null>;
}

/** Engagement's view of shifts and needs. */
export abstract class ShiftDirectory {
  abstract facts(shiftId: string): Promise<ShiftFacts | null>;
  abstract needTitles(needIds: string[]): Promise<Map<string, string>>;
}
