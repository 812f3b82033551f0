import { Tag, type TagProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { HourRecordStatus, NeedStatus, NeedType, PledgeStatus, SafeguardingStatus, SignupStatus } from '@kindred/contracts';

const NEED_STATUS_COLORS: Record<NeedStatus, TagProps['color']> = {
  draft: 'default',
  open: 'green',
  filled: 'blue',
  in_progress: 'processing',
  completed: 'purple',
  cancelled: 'red',
};

const SIGNUP_STATUS_COLORS: Record<SignupStatus, TagProps['color']> = {
  confirmed: 'green',
  waitlisted: 'orange',
  cancelled: 'default',
  no_show: 'red',
  completed: 'blue',
};

const HOUR_STATUS_COLORS: Record<HourRecordStatus, TagProps['color']> = {
  pending: 'orange',
  verified: 'green',
  rejected: 'red',
};

const PLEDGE_STATUS_COLORS: Record<PledgeStatus, TagProps['color']> = {
  pledged: 'orange',
  received: 'blue',
  partly_used: 'cyan',
  used: 'green',
  cancelled: 'default',
};

const SAFEGUARDING_COLORS: Record<SafeguardingStatus, TagProps['color']> = {
  valid: 'green',
  expired: 'orange',
  none: 'default',
  blocked: 'red',
};

export function NeedTypeTag({ type }: { type: NeedType }) {
  const { t } = useTranslation();
  return <Tag color="geekblue">{t(`needTypes.${type}`)}</Tag>;
}

export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={NEED_STATUS_COLORS[status]} data-testid="need-status" data-status={status}>
      {t(`needStatuses.${status}`)}
    </Tag>
  );
}

export function SignupStatusTag({ status, position }: { status: SignupStatus; position?: number | null }) {
  const { t } = useTranslation();
  return (
    <Tag color={SIGNUP_STATUS_COLORS[status]} data-status={status}>
      {status === 'waitlisted' && position ? t('signupStatuses.waitlistedAt', { position }) : t(`signupStatuses.${status}`)}
    </Tag>
  );
}

export function HourStatusTag({ status }: { status: HourRecordStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={HOUR_STATUS_COLORS[status]} data-status={status}>
      {t(`hourStatuses.${status}`)}
    </Tag>
  );
}

export function PledgeStatusTag({ status }: { status: PledgeStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PLEDGE_STATUS_COLORS[status]} data-status={status}>
      {t(`pledgeStatuses.${status}`)}
    </Tag>
  );
}

export function SafeguardingTag({ status }: { status: SafeguardingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={SAFEGUARDING_COLORS[status]} data-status={status}>
      {t(`safeguardingStatuses.${status}`)}
    </Tag>
  );
}
