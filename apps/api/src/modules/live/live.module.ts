import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { NeedsModule } from '../needs';
import { LiveDeliveryService } from './live-delivery.service';
import { LiveEventsRepository } from './live-events.repository';
import { LiveOutboxModule } from './live-outbox.module';
import { LiveGateway } from './live.gateway';
import { OutboxPublisherRepository } from './outbox-publisher.repository';
import { OutboxPublisher } from './outbox-publisher.service';

/**
 * The read side of live updates: the publisher that drains the outbox, the
 * socket.io gateway and replay. Other contexts import LiveOutboxModule to
 * emit; nothing imports this one.
 */
@Module({
  // NeedsModule provides NEED_ACCESS: who may join a need's room is the needs context's decision.
  imports: [LiveOutboxModule, IdentityModule, NeedsModule],
  providers: [LiveGateway, LiveDeliveryService, LiveEventsRepository, OutboxPublisherRepository, OutboxPublisher],
})
export class LiveModule {}
