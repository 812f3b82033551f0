import type { Provider } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { ChildCipher } from './child-cipher';

/** One cipher for the app, built from the configured keys. */
export const CHILD_CIPHER_PROVIDER: Provider = {
  provide: ChildCipher,
  inject: [AppConfig],
  useFactory: (config: AppConfig) => new ChildCipher(config.children.dataKey, config.children.previousDataKeys),
};
