import { useOne } from '@refinedev/core';
import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, List, Popconfirm, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { MyShiftRow, NeedView, ShiftView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { useSkills } from '../../api/use-skills';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { PortalColumn } from '../../components/portal-column';
import { NeedTypeTag, SignupStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatTimeRange } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { problemCode, problemMessage } from '../../i18n/problem-messages';
import { newIdempotencyKey } from '../../lib/idempotency';
import type { ShownReason } from '../../lib/matches';

const ACTIVE = new Set(['confirmed', 'waitlisted']);
// Problems a volunteer fixes on their profile page.
const PROFILE_PROBLEMS = new Set(['safeguarding_required', 'code_of_conduct_required', 'safeguarding_blocked', 'under_minimum_age']);

export function VolunteerNeedPage() {
  const { id = '' } = useParams<{ id: string }>();
  return <VolunteerNeed key={id} id={id} />;
}

/** A need from the volunteer's side: what it is, why it was suggested, and its upcoming shifts to sign up for. */
function VolunteerNeed({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const { state } = useLocation() as { state: { reasons?: ShownReason[] } | null };
  const { label } = useSkills();
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const { result: need, query } = useOne<NeedView>({ resource: 'needs', id });
  const shifts = useEndpoint('needShifts', id ? { params: { needId: id } } : null, { live: ['shifts'] });
  const mine = useEndpoint('myShifts', {}, { live: ['signups'] });

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!need) return <Skeleton active />;

  const upcoming = (shifts.data?.data ?? []).filter((s) => s.status === 'scheduled' && Date.parse(s.endsAt) > Date.now());
  const shiftExport: ExportColumn<ShiftView>[] = [
    { header: t('shifts.columns.startsAt'), value: (s) => new Date(s.startsAt) },
    { header: t('shifts.columns.endsAt'), value: (s) => new Date(s.endsAt) },
    { header: t('shifts.columns.capacity'), value: (s) => s.capacity },
    { header: t('myShifts.columns.status'), value: (s) => (signupFor(s.id) ? t(`signupStatuses.${signupFor(s.id)?.status}`) : null) },
  ];
  const signupFor = (shiftId: string) => (mine.data ?? []).find((s) => s.shiftId === shiftId && ACTIVE.has(s.status));
  const refresh = () => {
    void mine.refetch();
    void shifts.refetch();
  };

  const signUp = (shift: ShiftView) =>
    void run(
      `signup-${shift.id}`,
      () =>
        call('signUp', { params: { shiftId: shift.id }, idempotencyKey: newIdempotencyKey() }),
      {
        success: (s) => (s.status === 'waitlisted' ? t('signup.waitlisted', { position: s.position ?? '?' }) : t('signup.confirmed')),
        onError: (error) => {
          const code = problemCode(error);
          if (code && PROFILE_PROBLEMS.has(code)) {
            modal.warning({
              title: t('signup.blockedTitle'),
              content: problemMessage(error),
              okText: t('portal.toProfile'),
              onOk: () => void navigate('/volunteer/profile'),
            });
            return true;
          }
          return false;
        },
      },
    ).then(refresh);

  const cancel = (signup: MyShiftRow) =>
    void run(
      `cancel-${signup.signupId}`,
      () => call('cancelSignup', { params: { signupId: signup.signupId }, body: {} }),
      {
        success: (r) => (r.lateCancellation ? t('signup.cancelledLate') : t('signup.cancelled')),
      },
    ).then(refresh);

  return (
    <PortalColumn testId="volunteer-need">
      <PageHeader
        title={need.title}
        subtitle={
          <Space size={4} wrap>
            <NeedTypeTag type={need.type} />
            {need.organizationName && <Typography.Text type="secondary">{need.organizationName}</Typography.Text>}
          </Space>
        }
      />
      {state?.reasons && state.reasons.length > 0 && (
        <Alert
          type="success"
          showIcon
          message={t('matches.why')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {state.reasons.map((r, i) => (
                <li key={i}>{r.text}</li>
              ))}
            </ul>
          }
        />
      )}
      {need.childContact && <Alert type="info" showIcon message={t('signup.childContactHint')} />}
      <Card>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{need.description}</Typography.Paragraph>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('needs.form.place')}>{need.place ?? need.regionCode}</Descriptions.Item>
          {need.requiredSkills.length > 0 && (
            <Descriptions.Item label={t('needs.form.requiredSkills')}>
              <Space size={4} wrap>
                {need.requiredSkills.map((s) => (
                  <Tag key={s}>{label(s)}</Tag>
                ))}
              </Space>
            </Descriptions.Item>
          )}
          {need.minAge && <Descriptions.Item label={t('needs.form.minAge')}>{need.minAge}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        title={t('signup.shifts')}
        size="small"
        extra={
          <ExportExcelButton
            size="small"
            fileName={`${need.title}-${t('shifts.exportName')}`}
            sheetName={t('shifts.exportName')}
            columns={shiftExport}
            rows={upcoming}
          />
        }
      >
        {shifts.isError ? (
          <ErrorState error={shifts.error} onRetry={() => void shifts.refetch()} />
        ) : (
          <List
            loading={shifts.isLoading}
            dataSource={upcoming}
            locale={{ emptyText: <EmptyState title={t('signup.noShifts')} hint={t('signup.noShiftsHint')} /> }}
            renderItem={(shift) => {
              const signup = signupFor(shift.id);
              return (
                <List.Item data-testid={`volunteer-shift-${shift.id}`}>
                  <Flex vertical gap={6} style={{ width: '100%' }}>
                    <Typography.Text strong>{formatTimeRange(shift.startsAt, shift.endsAt, locale)}</Typography.Text>
                    <Typography.Text type="secondary">{t('signup.capacity', { capacity: shift.capacity })}</Typography.Text>
                    {signup ? (
                      <Flex justify="space-between" align="center" gap={8} wrap>
                        <SignupStatusTag status={signup.status} position={signup.position} />
                        <Popconfirm
                          title={t('signup.cancelConfirm')}
                          description={Date.parse(shift.startsAt) - Date.now() < 24 * 3_600_000 ? t('signup.cancelLateHint') : undefined}
                          okText={t('signup.cancel')}
                          okButtonProps={{ danger: true }}
                          cancelText={t('buttons.cancel')}
                          onConfirm={() => cancel(signup)}
                        >
                          <Button danger loading={pending === `cancel-${signup.signupId}`}>
                            {t('signup.cancel')}
                          </Button>
                        </Popconfirm>
                      </Flex>
                    ) : (
                      <Button
                        type="primary"
                        block
                        icon={<CheckOutlined />}
                        loading={pending === `signup-${shift.id}`}
                        onClick={() => signUp(shift)}
                        data-testid={`sign-up-${shift.id}`}
                      >
                        {t('signup.submit')}
                      </Button>
                    )}
                  </Flex>
                </List.Item>
              );
            }}
          />
        )}
      </Card>
      <Link to="/volunteer/shifts">
        <Button block>{t('signup.toMyShifts')}</Button>
      </Link>
    </PortalColumn>
  );
}
