import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThanOrEqual } from 'typeorm';
import { CodeOfConductVersionEntity } from './code-of-conduct-version.entity';

@Injectable()
export class CodeOfConductRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The latest version already published at `at`. */
  current(at: Date): Promise<CodeOfConductVersionEntity | null> {
    return this.dataSource.manager.findOne(CodeOfConductVersionEntity, {
      where: { publishedAt: LessThanOrEqual(at) },
      order: { publishedAt: 'DESC' },
    });
  }
}
