import { useState } from 'react';
import { useOne } from '@refinedev/core';
import { EditOutlined, ExperimentOutlined, FormOutlined, LockOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import type { ChildView } from '@kindred/contracts';
import { AgeBandTag, CategoryTags, RiskTag } from '../../components/children/child-tags';
import { useEndpoint } from '../../api/use-endpoint';
import { useChildrenRole } from '../../components/children/children-data';
import { ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { RaiseConcernButton } from '../../components/raise-concern-button';
import { formatDate } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { AssessmentDialog, EditDialog, ExitDialog } from './child-dialogs';
import { ChildTimeline } from './child-timeline';
import { ConsentCard } from './consent-card';
import { FollowUpsCard } from './follow-ups-card';

export function ChildFilePage() {
  const { id = '' } = useParams<{ id: string }>();
  return <ChildFile key={id} id={id} />;
}

type Dialog = 'exit' | 'assessment' | 'edit' | null;

/** A child's file: summary, identity (owners and coordinators only), categories with history, consent, timeline. */
function ChildFile({ id }: { id: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const location = useLocation();
  const created = (location.state as { created?: string } | null)?.created;
  const [dialog, setDialog] = useState<Dialog>(null);
  const { result: child, query } = useOne<ChildView>({ resource: 'children', id, errorNotification: false });
  const timeline = useEndpoint('childTimeline', id ? { params: { childId: id } } : null);
  const { role } = useChildrenRole(child?.organizationId ?? null);

  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!child) return <Skeleton active />;

  const refresh = () => {
    void query.refetch();
    void timeline.refetch();
  };
  const done = () => {
    setDialog(null);
    refresh();
  };
  const canManage = role === 'identity';
  const active = child.status === 'active';
  // Identity is shown only when the server sent it and the reader is an owner or coordinator of the child's NGO.
  const identity = canManage ? child.identity : undefined;

  return (
    <Flex vertical gap={16} data-testid="child-file">
      <PageHeader
        title={t('children.file.title', { alias: child.alias })}
        subtitle={
          <Space size={4} wrap>
            <Tag color={active ? 'green' : 'default'}>{t(`children.statuses.${child.status}`)}</Tag>
            <AgeBandTag ageBand={child.ageBand} />
            <RiskTag level={child.riskLevel} />
            {child.visitOverdue && <Tag color="red">{t('children.list.overdue')}</Tag>}
            {child.parentContactOverdue && <Tag color="orange">{t('children.list.parentContactOverdue')}</Tag>}
          </Space>
        }
        extra={
          <>
            <RaiseConcernButton organizationId={child.organizationId} childId={child.id} />
            {active && (
              <Link to={`/children/${child.id}/visit`}>
                <Button type="primary" icon={<FormOutlined />} data-testid="record-visit">
                  {t('children.file.recordVisit')}
                </Button>
              </Link>
            )}
            {active && (
              <Button icon={<ExperimentOutlined />} onClick={() => setDialog('assessment')} data-testid="add-assessment">
                {t('children.file.addAssessment')}
              </Button>
            )}
            {canManage && active && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="edit-child">
                {t('children.file.edit')}
              </Button>
            )}
            {canManage && active && (
              <Button danger icon={<LogoutOutlined />} onClick={() => setDialog('exit')} data-testid="exit-child">
                {t('children.file.exit')}
              </Button>
            )}
          </>
        }
      />
      {created && <Alert type="success" showIcon message={t('children.form.created', { alias: created })} />}

      <Card title={t('children.file.summary')}>
        <Descriptions column={{ xs: 1, sm: 2, lg: 3 }} size="small">
          <Descriptions.Item label={t('children.columns.alias')}>{child.alias}</Descriptions.Item>
          <Descriptions.Item label={t('children.columns.gender')}>{t(`children.genders.${child.gender}`)}</Descriptions.Item>
          <Descriptions.Item label={t('children.file.birthDate')}>{formatDate(child.birthDate, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('children.columns.region')}>{child.regionCode}</Descriptions.Item>
          <Descriptions.Item label={t('children.file.school')}>
            {[child.schoolName, child.grade].filter(Boolean).join(' · ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('children.file.livingArrangement')}>
            {child.livingArrangement ? t(`children.livingArrangements.${child.livingArrangement}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('children.file.socialAssistance')}>
            {t(`children.socialAssistance.${child.socialAssistance}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('children.columns.registeredOn')}>{formatDate(child.registeredOn, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('children.columns.nextVisitDue')}>
            <Typography.Text type={child.visitOverdue ? 'danger' : undefined}>{formatDate(child.nextVisitDue, locale)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('children.file.nextReassessmentDue')}>
            {formatDate(child.nextReassessmentDue, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('children.file.lastParentContactOn')}>
            {formatDate(child.lastParentContactOn, locale)}
          </Descriptions.Item>
          {child.exitedOn && (
            <Descriptions.Item label={t('children.file.exitedOn')}>
              {formatDate(child.exitedOn, locale)}
              {child.exitReason && ` · ${t(`children.exitReasons.${child.exitReason}`)}`}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      {identity && (
        <Card
          title={
            <Space>
              <LockOutlined />
              {t('children.file.identity')}
            </Space>
          }
          extra={<Typography.Text type="secondary">{t('children.file.identityHint')}</Typography.Text>}
          data-testid="child-identity"
        >
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('children.file.legalName')}>{identity.legalName}</Descriptions.Item>
            <Descriptions.Item label={t('children.file.idNumber')}>{identity.idNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('children.file.address')} span={2}>
              {identity.address ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('children.file.guardians')} span={2}>
              {identity.guardians.length === 0
                ? '—'
                : identity.guardians.map((g) => [g.name, g.relation, g.phone].filter(Boolean).join(' · ')).join('；')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('children.file.categories')} data-testid="child-categories">
            <CategoryTags categories={child.categories} />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              {t('children.file.categoryHistory')}
            </Typography.Title>
            {child.categoryHistory.length === 0 ? (
              <Typography.Text type="secondary">{t('children.file.noHistory')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={[...child.categoryHistory].sort((a, b) => b.effectiveOn.localeCompare(a.effectiveOn))}
                renderItem={(change) => (
                  <List.Item key={change.id}>
                    <Flex vertical gap={4}>
                      <Typography.Text type="secondary">{formatDate(change.effectiveOn, locale)}</Typography.Text>
                      <Flex gap={4} wrap align="center">
                        {change.from.length ? <CategoryTags categories={change.from} /> : t('children.file.none')}
                        <span>→</span>
                        {change.to.length ? <CategoryTags categories={change.to} /> : t('children.file.none')}
                      </Flex>
                      {change.reason && <Typography.Text>{change.reason}</Typography.Text>}
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <ConsentCard childId={child.id} canWrite={canManage && active} onChanged={refresh} />
        </Col>
      </Row>

      <FollowUpsCard childId={child.id} organizationId={child.organizationId} canManage={canManage && active} />
      <ChildTimeline timeline={timeline} />

      <ExitDialog child={child} open={dialog === 'exit'} onClose={() => setDialog(null)} onDone={done} />
      <AssessmentDialog child={child} open={dialog === 'assessment'} onClose={() => setDialog(null)} onDone={done} />
      {canManage && <EditDialog child={child} open={dialog === 'edit'} onClose={() => setDialog(null)} onDone={done} />}
    </Flex>
  );
}
