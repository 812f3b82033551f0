import type { ReactNode } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../i18n/problem-messages';
import { isOutageError } from '../providers/service-status';

export interface EmptyStateProps {
  title: ReactNode;
  /** What to do next. */
  hint?: ReactNode;
  action?: ReactNode;
}

export function EmptyState({ title, hint, action }: EmptyStateProps) {
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <>
          <Typography.Text strong>{title}</Typography.Text>
          {hint && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
              {hint}
            </Typography.Paragraph>
          )}
        </>
      }
      data-testid="empty-state"
    >
      {action}
    </Empty>
  );
}

export interface ErrorStateProps {
  error: unknown;
  onRetry?: () => void;
}

/** A failed load: what went wrong in the reader's language, and how to go on. */
export function ErrorState({ error, onRetry }: ErrorStateProps) {
  const { t } = useTranslation();
  // A 5xx or a failed network call is the service being down, not something wrong with the request.
  const outage = isOutageError(error);
  return (
    <div data-testid="error-state">
      <Result
        status="warning"
        title={outage ? t('outage.title') : t('states.errorTitle')}
        subTitle={
          outage ? (
            t('outage.description')
          ) : (
            <>
              <div>{problemMessage(error)}</div>
              <div>{t('states.errorHint')}</div>
            </>
          )
        }
        extra={
          onRetry && (
            <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
              {t('states.retry')}
            </Button>
          )
        }
      />
    </div>
  );
}
