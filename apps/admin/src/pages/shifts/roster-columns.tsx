import { useMemo } from 'react';
import { CheckCircleOutlined, LoginOutlined, LogoutOutlined, SafetyOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { RosterRow } from '@kindred/contracts';
import type { EndpointArgs, EndpointName, ResponseOf } from '../../api/endpoints';
import { HourStatusTag, SignupStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatDuration } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';

const time = (value: string | null, locale: ReturnType<typeof currentLocale>) =>
  value ? formatDate(value, locale, { withTime: true }) : '—';

export interface RosterColumnsOptions {
  canCoordinate: boolean;
  /** When the shift starts (a no-show can be marked once it has started). */
  startsAt: string | undefined;
  /** The key of the action in flight. */
  pending: string | null;
  /** Runs a roster action and re-reads the roster when it succeeds. */
  act(key: string, task: () => Promise<unknown>, success: string): void;
  call<N extends EndpointName>(name: N, args: EndpointArgs<N>): Promise<ResponseOf<N>>;
  onReverse(row: RosterRow): void;
  onCheck(volunteer: { userId: string; displayName: string }): void;
}

/** The roster's columns, with the coordinator's actions on each sign-up. */
export function useRosterColumns({
  canCoordinate,
  startsAt,
  pending,
  act,
  call,
  onReverse,
  onCheck,
}: RosterColumnsOptions): ColumnsType<RosterRow> {
  const { t } = useTranslation();
  const locale = currentLocale();
  return [
    {
      title: t('roster.columns.name'),
      dataIndex: 'displayName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('roster.columns.status'),
      dataIndex: 'status',
      render: (_v, row) => (
        <Space size={4} wrap>
          <SignupStatusTag status={row.status} position={row.position} />
          {row.autoClosed && <Tag color="gold">{t('roster.autoClosed')}</Tag>}
          {row.skippedReason && <Tag>{t('roster.skipped')}</Tag>}
        </Space>
      ),
    },
    { title: t('roster.columns.signedUpAt'), dataIndex: 'createdAt', render: (v: string) => time(v, locale) },
    { title: t('roster.columns.checkedInAt'), dataIndex: 'checkedInAt', render: (v: string | null) => time(v, locale) },
    { title: t('roster.columns.checkedOutAt'), dataIndex: 'checkedOutAt', render: (v: string | null) => time(v, locale) },
    {
      title: t('roster.columns.hours'),
      key: 'hours',
      render: (_v, row) =>
        row.hourRecord ? (
          <Space size={4}>
            <Typography.Text>{formatDuration(row.hourRecord.minutes, locale)}</Typography.Text>
            <HourStatusTag status={row.hourRecord.status} />
          </Space>
        ) : (
          '—'
        ),
    },
    {
      title: t('roster.columns.actions'),
      key: 'actions',
      render: (_v, row) => {
        if (!canCoordinate) return null;
        const started = startsAt ? Date.parse(startsAt) <= Date.now() : false;
        const active = row.status === 'confirmed';
        return (
          <Space size="small" wrap>
            {active && !row.checkedInAt && (
              <Button
                size="small"
                icon={<LoginOutlined />}
                loading={pending === `in-${row.signupId}`}
                onClick={() =>
                  act(
                    `in-${row.signupId}`,
                    () => call('checkIn', { params: { signupId: row.signupId } }),
                    t('roster.checkedIn', { name: row.displayName }),
                  )
                }
                data-testid={`check-in-${row.signupId}`}
              >
                {t('roster.checkIn')}
              </Button>
            )}
            {row.checkedInAt && !row.checkedOutAt && (
              <Button
                size="small"
                icon={<LogoutOutlined />}
                loading={pending === `out-${row.signupId}`}
                onClick={() =>
                  act(
                    `out-${row.signupId}`,
                    () => call('checkOut', { params: { signupId: row.signupId } }),
                    t('roster.checkedOut', { name: row.displayName }),
                  )
                }
              >
                {t('roster.checkOut')}
              </Button>
            )}
            {active && !row.checkedInAt && started && (
              <Popconfirm
                title={t('roster.noShowConfirm', { name: row.displayName })}
                description={t('roster.noShowHint')}
                okText={t('roster.noShow')}
                okButtonProps={{ danger: true }}
                cancelText={t('buttons.cancel')}
                onConfirm={() =>
                  act(
                    `ns-${row.signupId}`,
                    () => call('markNoShow', { params: { signupId: row.signupId } }),
                    t('roster.markedNoShow', { name: row.displayName }),
                  )
                }
              >
                <Button size="small" danger loading={pending === `ns-${row.signupId}`}>
                  {t('roster.noShow')}
                </Button>
              </Popconfirm>
            )}
            {row.hourRecord?.status === 'pending' && (
              <>
                <Button
                  size="small"
                  type="primary"
                  icon={<CheckCircleOutlined />}
                  loading={pending === `v-${row.signupId}`}
                  onClick={() =>
                    act(
                      `v-${row.signupId}`,
                      () => call('verifyHours', { params: { recordId: row.hourRecord?.id ?? '' }, body: {} }),
                      t('hours.verifiedOne'),
                    )
                  }
                >
                  {t('hours.verify')}
                </Button>
                <Button
                  size="small"
                  danger
                  loading={pending === `r-${row.signupId}`}
                  onClick={() =>
                    act(
                      `r-${row.signupId}`,
                      () => call('rejectHours', { params: { recordId: row.hourRecord?.id ?? '' }, body: {} }),
                      t('hours.rejectedOne'),
                    )
                  }
                >
                  {t('hours.reject')}
                </Button>
              </>
            )}
            {row.hourRecord?.status === 'verified' && (
              <Button size="small" onClick={() => onReverse(row)}>
                {t('hours.reverse')}
              </Button>
            )}
            <Button size="small" icon={<SafetyOutlined />} onClick={() => onCheck({ userId: row.userId, displayName: row.displayName })}>
              {t('roster.safeguarding')}
            </Button>
          </Space>
        );
      },
    },
  ];
}

/** The roster as a spreadsheet. */
export function useRosterExportColumns(): ExportColumn<RosterRow>[] {
  const { t } = useTranslation();
  return useMemo<ExportColumn<RosterRow>[]>(
    () => [
      { header: t('roster.columns.name'), value: (r) => r.displayName },
      { header: t('roster.columns.status'), value: (r) => t(`signupStatuses.${r.status}`) },
      { header: t('roster.columns.position'), value: (r) => r.position },
      { header: t('roster.columns.signedUpAt'), value: (r) => new Date(r.createdAt) },
      { header: t('roster.columns.checkedInAt'), value: (r) => (r.checkedInAt ? new Date(r.checkedInAt) : null) },
      { header: t('roster.columns.checkedOutAt'), value: (r) => (r.checkedOutAt ? new Date(r.checkedOutAt) : null) },
      { header: t('roster.columns.minutes'), value: (r) => r.hourRecord?.minutes ?? null },
    ],
    [t],
  );
}
