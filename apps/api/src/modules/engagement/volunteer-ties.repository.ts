import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class VolunteerTiesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async hasConfirmedSignup(userId: string, orgId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM signups WHERE user_id = $1 AND org_id = $2 AND status IN ('confirmed', 'completed') LIMIT 1`,
      [userId, orgId],
    );
    return rows.length > 0;
  }
}
