import { Module } from '@nestjs/common';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

/** The write side of live updates: what every other context imports to emit events in its transactions. */
@Module({
  providers: [OutboxRepository, OutboxService],
  exports: [OutboxService],
})
export class LiveOutboxModule {}
