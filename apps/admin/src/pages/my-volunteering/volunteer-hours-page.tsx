import { useMemo } from 'react';
import { FileTextOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CertificateView, HourRecordView } from '@kindred/contracts';
import { useApiAction } from '../../api/use-api-action';
import { useEndpoint, useEndpointMutation, useEndpointRead } from '../../api/use-endpoint';
import { ExportExcelButton } from '../../components/export-excel-button';
import { EmptyState, ErrorState } from '../../components/list-states';
import { PageHeader } from '../../components/page-header';
import { PortalColumn } from '../../components/portal-column';
import { HourStatusTag } from '../../components/status-tags';
import type { ExportColumn } from '../../export/xlsx-export';
import { formatDate, formatDuration, formatPercent, minutesToHours } from '../../i18n/formatters';
import { currentLocale } from '../../i18n/i18n';
import { problemCode } from '../../i18n/problem-messages';
import { useNeedsById } from '../../api/use-need-titles';

/** The certificate, an HTML page behind the bearer token, opened as a blob in a new tab (or saved when pop-ups are blocked). */
function showDocument(certificate: CertificateView, html: string, opened: Window | null): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  if (opened && !opened.closed) {
    opened.location.href = url;
  } else {
    // A blocked pop-up: save the page instead.
    const link = document.createElement('a');
    link.href = url;
    link.download = `${certificate.number}.html`;
    document.body.appendChild(link);
    link.click();
    link.remove();
  }
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Verified and pending hours, each record, and service record certificates per organisation. */
export function VolunteerHoursPage() {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { notification } = App.useApp();
  const { run, pending } = useApiAction();
  const read = useEndpointRead();
  const openCertificate = async (certificate: CertificateView, opened: Window | null): Promise<void> => {
    const html = await read('certificateDocument', { params: { certificateId: certificate.id } }, { Accept: 'text/html' });
    showDocument(certificate, html, opened);
  };
  const call = useEndpointMutation();
  const hours = useEndpoint('myHours', {}, { live: ['hour-records', 'signups'] });
  const certificates = useEndpoint('myCertificates', {});
  const records = useMemo(() => hours.data?.records ?? [], [hours.data]);
  const needs = useNeedsById(records.map((r) => r.needId));

  // One certificate offer per organisation with verified hours.
  const organizations = useMemo(() => {
    const byOrg = new Map<string, { organizationId: string; name: string; minutes: number }>();
    for (const record of records) {
      if (record.status !== 'verified') continue;
      const entry = byOrg.get(record.organizationId) ?? {
        organizationId: record.organizationId,
        name: needs.get(record.needId)?.organizationName ?? '…',
        minutes: 0,
      };
      entry.minutes += record.minutes;
      if (entry.name === '…') entry.name = needs.get(record.needId)?.organizationName ?? '…';
      byOrg.set(record.organizationId, entry);
    }
    return [...byOrg.values()].filter((o) => o.minutes > 0);
  }, [records, needs]);

  const requestCertificate = (organizationId: string) => {
    // Opened now, while the click still counts as the person's gesture; filled once the page is fetched.
    const opened = window.open('', '_blank');
    void run('certificate', () => call('requestCertificate', { body: { organizationId } }), {
      success: t('certificates.issued'),
      onError: (error) => {
        opened?.close();
        if (problemCode(error) === 'no_verified_hours') {
          notification.warning({ message: t('certificates.notYet'), description: t('certificates.notYetHint') });
          return true;
        }
        return false;
      },
    }).then(async (certificate) => {
      void certificates.refetch();
      if (certificate) await openCertificate(certificate, opened).catch(() => opened?.close());
    });
  };

  const open = (certificate: CertificateView) => {
    const opened = window.open('', '_blank');
    void run(`open-${certificate.id}`, () => openCertificate(certificate, opened)).then((done) => {
      if (done === undefined) opened?.close();
    });
  };

  const columns: ColumnsType<HourRecordView> = [
    { title: t('myHours.columns.date'), dataIndex: 'servedOn', render: (v: string) => formatDate(v, locale) },
    { title: t('myHours.columns.need'), dataIndex: 'needId', render: (v: string) => needs.get(v)?.title ?? '…' },
    { title: t('myHours.columns.duration'), dataIndex: 'minutes', render: (v: number) => formatDuration(v, locale) },
    {
      title: t('myHours.columns.status'),
      dataIndex: 'status',
      render: (v: HourRecordView['status'], r) => (
        <Flex gap={4} wrap>
          <HourStatusTag status={v} />
          {r.reversesId && <Tag>{t('myHours.correction')}</Tag>}
        </Flex>
      ),
    },
  ];

  const exportColumns: ExportColumn<HourRecordView>[] = [
    { header: t('myHours.columns.date'), value: (r) => new Date(r.servedOn) },
    { header: t('myHours.columns.need'), value: (r) => needs.get(r.needId)?.title ?? r.needId },
    { header: t('myHours.columns.organization'), value: (r) => needs.get(r.needId)?.organizationName ?? r.organizationId },
    { header: t('myHours.columns.minutes'), value: (r) => r.minutes },
    { header: t('myHours.columns.hours'), value: (r) => minutesToHours(r.minutes) },
    { header: t('myHours.columns.status'), value: (r) => t(`hourStatuses.${r.status}`) },
    { header: t('myHours.columns.note'), value: (r) => r.note },
  ];

  return (
    <PortalColumn testId="volunteer-hours">
      <PageHeader title={t('volunteer.hours.title')} subtitle={t('volunteer.hours.subtitle')} />
      {hours.isError ? (
        <ErrorState error={hours.error} onRetry={() => void hours.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} sm={8}>
              <Card size="small">
                <Statistic
                  title={t('volunteer.hours.verified')}
                  value={formatDuration(hours.data?.verifiedMinutes ?? 0, locale)}
                  data-testid="verified-hours"
                />
              </Card>
            </Col>
            <Col xs={12} sm={8}>
              <Card size="small">
                <Statistic
                  title={t('volunteer.hours.pending')}
                  value={formatDuration(hours.data?.pendingMinutes ?? 0, locale)}
                  data-testid="pending-hours"
                />
              </Card>
            </Col>
            <Col xs={24} sm={8}>
              <Card size="small">
                <Statistic title={t('myHours.reliability')} value={hours.data ? formatPercent(hours.data.reliability, locale) : '—'} />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('certificates.title')} data-testid="certificates-card">
            <Typography.Paragraph type="secondary">{t('certificates.hint')}</Typography.Paragraph>
            {organizations.length === 0 && (certificates.data ?? []).length === 0 ? (
              <EmptyState title={t('certificates.none')} hint={t('certificates.noneHint')} />
            ) : (
              <Flex vertical gap={8}>
                {organizations.map((org) => (
                  <Flex key={org.organizationId} justify="space-between" align="center" gap={8} wrap>
                    <Typography.Text>
                      {org.name} · {formatDuration(org.minutes, locale)}
                    </Typography.Text>
                    <Button
                      icon={<SafetyCertificateOutlined />}
                      loading={pending === 'certificate'}
                      onClick={() => requestCertificate(org.organizationId)}
                      data-testid={`request-certificate-${org.organizationId}`}
                    >
                      {t('certificates.request')}
                    </Button>
                  </Flex>
                ))}
                <List
                  dataSource={certificates.data ?? []}
                  renderItem={(certificate) => (
                    <List.Item
                      actions={[
                        <Button
                          key="open"
                          type="link"
                          icon={<FileTextOutlined />}
                          loading={pending === `open-${certificate.id}`}
                          onClick={() => open(certificate)}
                          data-testid={`open-certificate-${certificate.id}`}
                        >
                          {t('certificates.open')}
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={`${certificate.issuerName} · ${certificate.number}`}
                        description={
                          <Flex gap={4} wrap>
                            <span>{formatDuration(certificate.totalMinutes, locale)}</span>
                            <span>· {formatDate(certificate.issuedAt, locale)}</span>
                            {certificate.status === 'revoked' && <Tag color="red">{t('certificates.revoked')}</Tag>}
                          </Flex>
                        }
                      />
                    </List.Item>
                  )}
                />
              </Flex>
            )}
          </Card>
          <Card
            size="small"
            title={t('myHours.records')}
            extra={<ExportExcelButton fileName={t('myHours.exportName')} columns={exportColumns} rows={records} size="small" />}
          >
            <Table<HourRecordView>
              rowKey="id"
              size="small"
              dataSource={records}
              columns={columns}
              loading={hours.isLoading}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <EmptyState title={t('volunteer.hours.emptyTitle')} hint={t('volunteer.hours.emptyDescription')} /> }}
            />
          </Card>
        </>
      )}
    </PortalColumn>
  );
}
