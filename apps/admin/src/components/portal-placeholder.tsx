import type { ReactNode } from 'react';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Row, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from './page-header';

export interface NextStep {
  label: string;
  to: string;
}

export interface PortalPlaceholderProps {
  title: string;
  subtitle: string;
  icon: ReactNode;
  emptyTitle: string;
  /** What will appear here once the feature is live. */
  emptyDescription: string;
  nextSteps?: readonly NextStep[];
  /** Shown above the empty state, e.g. zeroed counters. */
  children?: ReactNode;
  testId?: string;
}

/**
 * A volunteer or donor screen whose API is not live yet: says what will appear and what to do
 * meanwhile. Single column on phones (375 px), centred and capped on wider screens.
 */
export function PortalPlaceholder({
  title,
  subtitle,
  icon,
  emptyTitle,
  emptyDescription,
  nextSteps = [],
  children,
  testId,
}: PortalPlaceholderProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Row justify="center" data-testid={testId}>
      <Col xs={24} md={20} lg={16} xl={12}>
        <PageHeader title={title} subtitle={subtitle} extra={<Tag color="processing">{t('portal.comingSoon')}</Tag>} />
        <Flex vertical gap={16}>
          {children}
          <Card styles={{ body: { padding: '24px 16px' } }}>
            <Empty
              image={<span style={{ fontSize: 48, color: token.colorPrimary }}>{icon}</span>}
              styles={{ image: { height: 56 } }}
              description={
                <Flex vertical gap={4} style={{ maxWidth: 420, margin: '0 auto' }}>
                  <Typography.Text strong>{emptyTitle}</Typography.Text>
                  <Typography.Text type="secondary">{emptyDescription}</Typography.Text>
                </Flex>
              }
              data-testid="empty-state"
            />
          </Card>
          {nextSteps.length > 0 && (
            <Card size="small" title={t('portal.nextSteps')}>
              <Flex vertical gap={8}>
                {nextSteps.map((step) => (
                  <Link key={step.to} to={step.to}>
                    <Button block icon={<ArrowRightOutlined />} iconPosition="end" style={{ justifyContent: 'space-between' }}>
                      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{step.label}</span>
                    </Button>
                  </Link>
                ))}
              </Flex>
            </Card>
          )}
        </Flex>
      </Col>
    </Row>
  );
}
