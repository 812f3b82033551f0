import type { UserView } from '@kindred/contracts';
import type { UserEntity } from './user.entity';

export function toUserView(user: UserEntity): UserView {
  return { id: user.id, displayName: user.displayName, email: user.email, phone: user.phone, locale: user.locale };
}
