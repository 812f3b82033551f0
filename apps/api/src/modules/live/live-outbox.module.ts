import { Module } from '@nestjs/common';
import { AuditModule } from '../audit';
import { ChangeRecorder } from './change-recorder';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/**
 * The write side of live updates: what every other context imports to emit events in its transactions,
 * and ChangeRecorder, which writes a change's audit row and its events together.
 */
@Module({
  imports: [AuditModule],
  providers: [OutboxRepository, OutboxService, ChangeRecorder],
  exports: [OutboxService, ChangeRecorder],
})
export class LiveOutboxModule {}
