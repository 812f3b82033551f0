import { useEffect, useMemo, useState } from 'react';
import { ArrowRightOutlined, CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Segmented, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { useSkills } from '../../api/use-skills';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { NeedBrowser } from '../../components/need-browser';
import { NeedCard } from '../../components/need-card';
import { PageHeader } from '../../components/page-header';
import { PortalColumn } from '../../components/portal-column';
import type { ExportColumn } from '../../export/xlsx-export';
import { currentLocale } from '../../i18n/i18n';
import { problemCode, problemMessage } from '../../i18n/problem-messages';
import { newIdempotencyKey } from '../../lib/idempotency';
import { feedItems, openNeedItems, type CardNeed, type MatchItem } from '../../lib/matches';
import { isApiError } from '../../providers/api-client';

interface Feed {
  /** `matches`: ranked for the volunteer with reasons; `open`: the matching service is not there, newest open needs instead. */
  mode: 'matches' | 'open';
  items: MatchItem[];
}

// Once the API has said it has no matching route, this page does not ask again until a reload.
let matchingMissing = false;

/** The ranked feed, or open needs once the API has said it has no matching route. */
function useFeed(locale: ReturnType<typeof currentLocale>) {
  const live = ['needs', 'signups'] as const;
  const matches = useEndpoint('myMatches', matchingMissing ? null : { query: { limit: 30 } }, { live });
  const routeMissing = isApiError(matches.error) && matches.error.statusCode === 404 && matches.error.code === 'route_not_found';
  useEffect(() => {
    if (routeMissing) matchingMissing = true;
  }, [routeMissing]);
  const fallback = matchingMissing || routeMissing;
  const open = useEndpoint('needs', fallback ? { query: { status: 'open', limit: 20 } } : null, { live });
  const data = useMemo<Feed | undefined>(() => {
    if (fallback) return open.data ? { mode: 'open', items: openNeedItems(open.data) } : undefined;
    return matches.data ? { mode: 'matches', items: feedItems(matches.data, locale) } : undefined;
  }, [fallback, open.data, matches.data, locale]);
  const current = fallback ? open : matches;
  return { data, isError: current.isError, error: current.error, refetch: () => current.refetch() };
}

export function VolunteerMatchesPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { label } = useSkills();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const { run, pending } = useApiAction();
  const call = useEndpointMutation();
  const [tab, setTab] = useState<'matches' | 'all'>('matches');
  // Signing up (here or elsewhere) takes the entry out of the feed; new and changed needs re-rank it.
  const feed = useFeed(locale);
  const items = feed.data?.items ?? [];

  const exportColumns: ExportColumn<MatchItem>[] = [
    { header: t('needs.columns.title'), value: (m) => m.need.title },
    { header: t('needs.columns.organization'), value: (m) => m.need.organizationName },
    { header: t('needs.columns.type'), value: (m) => t(`needTypes.${m.need.type}`) },
    { header: t('needs.columns.regionCode'), value: (m) => m.need.regionCode },
    { header: t('shifts.columns.startsAt'), value: (m) => (m.shift ? new Date(m.shift.startsAt) : null) },
    { header: t('shifts.columns.endsAt'), value: (m) => (m.shift ? new Date(m.shift.endsAt) : null) },
    { header: t('matches.scoreColumn'), value: (m) => m.score },
    { header: t('matches.why'), value: (m) => m.reasons.map((r) => r.text).join(t('common.sentenceSeparator')) },
  ];

  const open = (need: CardNeed, reasons: MatchItem['reasons'] = [], primary = true) => (
    <Link to={`/volunteer/needs/${need.id}`} state={{ reasons }}>
      <Button type={primary ? 'primary' : 'default'} icon={<ArrowRightOutlined />} iconPosition="end" data-testid={`open-need-${need.id}`}>
        {primary ? t('matches.open') : t('matches.details')}
      </Button>
    </Link>
  );

  const signUp = (item: MatchItem) => {
    const shiftId = item.shift?.id;
    if (!shiftId) return;
    void run(
      `signup-${item.key}`,
      () =>
        call('signUp', { params: { shiftId }, idempotencyKey: newIdempotencyKey() }),
      {
        success: (r) => (r.status === 'waitlisted' ? t('signup.waitlisted', { position: r.position ?? '?' }) : t('signup.confirmed')),
        onError: (error) => {
          const code = problemCode(error);
          if (
            code === 'safeguarding_required' ||
            code === 'code_of_conduct_required' ||
            code === 'safeguarding_blocked' ||
            code === 'under_minimum_age'
          ) {
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
    ).then(() => feed.refetch());
  };

  const actions = (item: MatchItem) =>
    item.shift ? (
      <>
        {open(item.need, item.reasons, false)}
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={pending === `signup-${item.key}`}
          onClick={() => signUp(item)}
          data-testid={`match-sign-up-${item.shift.id}`}
        >
          {item.shift.full ? t('matches.joinWaitlist') : t('signup.submit')}
        </Button>
      </>
    ) : (
      open(item.need, item.reasons)
    );

  return (
    <PortalColumn testId="volunteer-matches">
      <PageHeader
        title={t('volunteer.matches.title')}
        subtitle={t('volunteer.matches.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void feed.refetch()} aria-label={t('buttons.refresh')}>
            {t('buttons.refresh')}
          </Button>
        }
      />
      <Segmented<'matches' | 'all'>
        block
        value={tab}
        onChange={setTab}
        options={[
          { value: 'matches', label: t('matches.tabs.forMe') },
          { value: 'all', label: t('matches.tabs.all') },
        ]}
      />
      {tab === 'all' ? (
        <NeedBrowser
          action={(need) => open(need)}
          exportName={t('matches.exportAll')}
          emptyHint={t('volunteer.matches.emptyDescription')}
        />
      ) : feed.isError ? (
        <ErrorState error={feed.error} onRetry={() => void feed.refetch()} />
      ) : !feed.data ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={12}>
          {feed.data.mode === 'open' && <Alert type="info" showIcon message={t('matches.fallback')} data-testid="matches-fallback" />}
          <Flex justify="flex-end">
            <ExportExcelButton fileName={t('matches.exportName')} columns={exportColumns} rows={items} size="small" />
          </Flex>
          {items.length === 0 ? (
            <EmptyState
              title={t('volunteer.matches.emptyTitle')}
              hint={t('volunteer.matches.emptyDescription')}
              action={
                <Link to="/volunteer/profile">
                  <Button>{t('portal.toProfile')}</Button>
                </Link>
              }
            />
          ) : (
            items.map((item) => (
              <NeedCard
                key={item.key}
                need={item.need}
                shift={item.shift}
                reasons={item.reasons}
                score={item.score}
                skillLabel={label}
                action={actions(item)}
              />
            ))
          )}
        </Flex>
      )}
    </PortalColumn>
  );
}
