import type { NeedStatus, OrganizationStatus } from '@kindred/contracts';

/** What giving needs to know about a need; provided by the needs context. */
export interface NeedForGiving {
  id: string;
  orgId: string;
  orgStatus: OrganizationStatus;
  status: NeedStatus;
  title: string;
  targetFen: number | null;
  items: Array<{ id: string; name: string; unit: string; quantity: number }>;
}

export abstract class NeedFacts {
  abstract forGiving(needId: string): Promise<NeedForGiving | null>;
}
