import { Global, Module } from '@nestjs/common';
import { join } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { FILE_STORAGE } from './file-storage';
import { LocalDiskStorage } from './local-disk.storage';

@Global()
@Module({
  providers: [{ provide: FILE_STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => new LocalDiskStorage(join(config.dataDir, 'files')) }],
  exports: [FILE_STORAGE],
})
export class StorageModule {}
