import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SkillEntity } from './skill.entity';

@Injectable()
export class SkillsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(): Promise<SkillEntity[]> {
    return this.dataSource.manager.find(SkillEntity, { order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  /** The codes among `codes` that are in the catalogue. */
  async known(codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: Array<{ code: string }> = await this.dataSource.query('SELECT code FROM skills WHERE code = ANY($1::varchar[])', [codes]);
    return new Set(rows.map((r) => r.code));
  }
}
