import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class DemoStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Demo data goes only into an empty database: no organisation and no
   * account but platform administrators (the one ADMIN_LOGIN creates at start
   * is there before the seeder runs, and must not keep demo data out).
   */
  async isEmpty(): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM users WHERE NOT is_platform_admin UNION ALL SELECT 1 FROM organizations LIMIT 1',
    );
    return rows.length === 0;
  }

  /** Which of these e-mail addresses have an account. */
  async existingEmails(emails: string[]): Promise<Set<string>> {
    const rows: Array<{ email: string }> = await this.dataSource.query('SELECT email FROM users WHERE email = ANY($1)', [emails]);
    return new Set(rows.map((r) => r.email));
  }
}
