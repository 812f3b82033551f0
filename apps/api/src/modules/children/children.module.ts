import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { CHILD_CIPHER_PROVIDER } from './child-cipher.provider';
import { ChildrenController } from './children.controller';
import { ChildrenRepository } from './children.repository';
import { ChildrenService } from './children.service';
import { RegisterExchangeController } from './register-exchange.controller';
import { RegisterExchangeRepository } from './register-exchange.repository';
import { RegisterExchangeService } from './register-exchange.service';

/**
 * The children's registry (档案): files with identity fields encrypted at rest,
 * under PostgreSQL row-level security per organisation; only the owning NGO's
 * owners, coordinators and staff ever read a child's row.
 */
@Module({
  imports: [AuditModule],
  controllers: [ChildrenController, RegisterExchangeController],
  providers: [CHILD_CIPHER_PROVIDER, ChildrenRepository, ChildrenService, RegisterExchangeRepository, RegisterExchangeService],
  exports: [ChildrenService],
})
export class ChildrenModule {}
