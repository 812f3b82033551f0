import { Injectable } from '@nestjs/common';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { managerOf, type Tx } from '../../common/database/transaction-runner';
import { OutboxEventEntity } from './outbox-event.entity';

export type NewOutboxEvent = Pick<OutboxEventEntity, 'type' | 'orgIds' | 'needId' | 'userIds' | 'payload'>;

@Injectable()
export class OutboxRepository {
  async append(tx: Tx, event: NewOutboxEvent): Promise<string> {
    const result = await managerOf(tx).insert(OutboxEventEntity, event as QueryDeepPartialEntity<OutboxEventEntity>);
    return String(result.identifiers[0].id);
  }
}
