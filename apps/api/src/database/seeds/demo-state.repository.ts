import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class DemoStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Demo data goes only into a database with no accounts at all. */
  async isEmpty(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM users LIMIT 1');
    return rows.length === 0;
  }
}
