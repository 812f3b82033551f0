import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { ChildCipher } from './child-cipher';
import { CHILD_CIPHER_PROVIDER } from './child-cipher.provider';
import { ChildFactsRepository } from './child-facts.repository';
import { ChildFacts } from './child-facts.service';
import { ChildrenLifecycle } from './children-lifecycle';
import { ChildrenController } from './children.controller';
import { ChildrenRepository } from './children.repository';
import { ChildrenService } from './children.service';

/**
 * The children's registry (档案): files with identity fields encrypted at rest,
 * under PostgreSQL row-level security per organisation; only the owning NGO's
 * owners, coordinators and staff ever read a child's row.
 */
@Module({
  imports: [AuditModule],
  controllers: [ChildrenController],
  providers: [CHILD_CIPHER_PROVIDER, ChildrenRepository, ChildrenService, ChildrenLifecycle, ChildFactsRepository, ChildFacts],
  exports: [ChildrenService, ChildCipher, ChildrenLifecycle, ChildFacts],
})
export class ChildrenModule {}
