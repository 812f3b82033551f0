import { useState } from 'react';
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegisterComparisonRow, RegisterComparisonView } from '@kindred/contracts';
import { useEndpointMutation } from '../../api/use-endpoint';
import { PageHeader } from '../../components/page-header';
import { problemMessage } from '../../i18n/problem-messages';
import { useSession } from '../../session/use-session';

const FINDING_COLORS: Record<RegisterComparisonRow['finding'], string> = {
  matched: 'green',
  category_missing: 'orange',
  not_in_registry: 'red',
  invalid_id_number: 'default',
  unknown_kind: 'default',
  not_on_register: 'purple',
};

/**
 * Compares the government register (xlsx upload) with the registry: the disagreements by alias. Nothing
 * of the file is kept by the server, and the answer names rows, child ids and aliases only.
 */
export function RegisterComparisonPage() {
  const { t } = useTranslation();
  const { currentMembership } = useSession();
  const organizationId = currentMembership?.organizationId ?? '';
  const call = useEndpointMutation();
  const [result, setResult] = useState<RegisterComparisonView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const compare = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      const body = new FormData();
      body.append('file', file);
      setResult(await call('compareRegister', { params: { organizationId }, body }));
    } catch (failure) {
      setResult(null);
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={t('children.register.title')} subtitle={<Link to="/children">{t('children.nav')}</Link>} />
      <Card>
        <Typography.Paragraph type="secondary">{t('children.register.intro')}</Typography.Paragraph>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            void compare(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="register-upload">
            {t('children.register.upload')}
          </Button>
        </Upload>
        {error && <Alert type="error" showIcon message={error} style={{ marginTop: 16 }} />}
        {result && (
          <div style={{ marginTop: 16 }} data-testid="register-result">
            <Alert
              type={result.disagreements.length === 0 ? 'success' : 'warning'}
              showIcon
              style={{ marginBottom: 16 }}
              message={
                result.disagreements.length === 0
                  ? t('children.register.none')
                  : t('children.register.summary', { rows: result.rows, matched: result.matched, count: result.disagreements.length })
              }
            />
            {result.disagreements.length > 0 && (
              <Table<RegisterComparisonRow>
                rowKey={(row) => `${row.row ?? row.childId}-${row.registerKind}`}
                size="small"
                pagination={false}
                dataSource={result.disagreements}
                columns={[
                  { title: t('children.register.row'), key: 'row', width: 80, render: (_, row) => row.row ?? '—' },
                  {
                    title: t('children.register.alias'),
                    key: 'alias',
                    render: (_, row) => (row.childId && row.alias ? <Link to={`/children/${row.childId}`}>{row.alias}</Link> : '—'),
                  },
                  { title: t('children.register.registerKind'), dataIndex: 'registerKind' },
                  {
                    title: t('children.register.finding'),
                    key: 'finding',
                    render: (_, row) => <Tag color={FINDING_COLORS[row.finding]}>{t(`children.register.findings.${row.finding}`)}</Tag>,
                  },
                ]}
              />
            )}
          </div>
        )}
      </Card>
    </>
  );
}
