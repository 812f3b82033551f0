import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConcernCategory } from '@kindred/contracts';
import type { OrgScopedTx } from '../../common/database/transaction-runner';
import { ChildrenLifecycle, type ChildRecorded } from '../children';
import { ConcernsRepository } from './concerns.repository';
import { ConcernsService } from './concerns.service';

/** A registry risk flag (R7) and the concern it opens. */
export interface RegistryFlag {
  flag: 'under16_living_alone' | 'unattended_without_carer';
  category: ConcernCategory;
  /** Stored (encrypted) as the concern's description: a code and a sentence, no personal data. */
  description: string;
}

/** The flags a file raises as recorded. */
export function registryFlags(child: Pick<ChildRecorded, 'age' | 'livingArrangement' | 'categories' | 'hasGuardian'>): RegistryFlag[] {
  const flags: RegistryFlag[] = [];
  if (child.age < 16 && child.livingArrangement === 'alone') {
    flags.push({
      flag: 'under16_living_alone',
      category: 'unsafe_living',
      description: 'Opened by the registry (under16_living_alone): a child under 16 is recorded as living alone.',
    });
  }
  if (child.categories.includes('de_facto_unattended') && !child.hasGuardian) {
    flags.push({
      flag: 'unattended_without_carer',
      category: 'neglect',
      description: 'Opened by the registry (unattended_without_carer): a de-facto unattended child has no carer recorded.',
    });
  }
  return flags;
}

/**
 * Opens a concern, in the registry's own transaction, when a child's file is
 * registered or changed with a risk flag (R7); one open concern per child and
 * flag, however often the file is saved.
 */
@Injectable()
export class RegistryFlagsListener implements OnModuleInit {
  constructor(
    private readonly lifecycle: ChildrenLifecycle,
    private readonly concerns: ConcernsRepository,
    private readonly service: ConcernsService,
  ) {}

  onModuleInit(): void {
    this.lifecycle.register({ childRecorded: (tx, child) => this.childRecorded(tx, child) });
  }

  private async childRecorded(tx: OrgScopedTx, child: ChildRecorded): Promise<void> {
    for (const flag of registryFlags(child)) {
      if (await this.concerns.openRegistryFlag(tx, child.childId, flag.category)) continue;
      await this.service.open(tx, {
        orgId: child.orgId,
        childId: child.childId,
        childDescription: null,
        reporterUserId: child.recordedBy,
        category: flag.category,
        description: flag.description,
        immediateDanger: false,
        occurredAt: null,
        location: null,
        source: 'registry_flag',
      });
    }
  }
}
