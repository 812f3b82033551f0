import { useState } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { NeedView } from '@kindred/contracts';
import { useEndpoint, useEndpointMutation } from '../../api/use-endpoint';
import { problemCode, problemMessage } from '../../i18n/problem-messages';
import { isApiError } from '../../providers/api-client';
import { ChildPicker } from './child-picker';
import { useChildrenRole } from './children-data';

/** Which of the chosen children a `consent_required` answer names (by field `childIds.<i>` or by id), as aliases. */
export function childrenWithoutConsent(error: unknown, chosen: readonly string[], labels: Readonly<Record<string, string>>): string[] {
  if (!isApiError(error)) return [];
  const named = new Set<string>();
  for (const field of Object.keys(error.errors ?? {})) {
    const index = /^childIds\.(\d+)$/.exec(field)?.[1];
    if (index !== undefined && chosen[Number(index)]) named.add(chosen[Number(index)]!);
  }
  for (const id of chosen) if (error.detail?.includes(id)) named.add(id);
  return [...named].map((id) => labels[id] ?? id);
}

/**
 * The children a need reaches (aliases and age bands only), for the need page of the NGO's members;
 * owners and coordinators link more. A child without a current service-delivery consent cannot be
 * linked (409 `consent_required`), which is said above the picker.
 */
export function NeedBeneficiaries({ need }: { need: Pick<NeedView, 'id' | 'organizationId'> }) {
  const { role } = useChildrenRole(need.organizationId);
  if (role === 'none') return null;
  return <BeneficiariesCard needId={need.id} organizationId={need.organizationId} canLink={role === 'identity'} />;
}

function BeneficiariesCard({ needId, organizationId, canLink }: { needId: string; organizationId: string; canLink: boolean }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const view = useEndpoint('needBeneficiaries', { params: { needId } });
  const call = useEndpointMutation();
  const [pending, setPending] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [labels, setLabels] = useState<Record<string, string>>({});
  const [consentMissing, setConsentMissing] = useState<string[] | null>(null);
  const linked = view.data?.children ?? [];

  const link = async () => {
    setConsentMissing(null);
    setPending('link');
    try {
      await call('linkBeneficiaries', { params: { needId }, body: { childIds: chosen } });
      void message.success(t('children.beneficiaries.linked'));
      setChosen([]);
      void view.refetch();
    } catch (error) {
      if (problemCode(error) === 'consent_required') setConsentMissing(childrenWithoutConsent(error, chosen, labels));
      else notification.error({ message: t('actions.failed'), description: problemMessage(error) });
    } finally {
      setPending(null);
    }
  };

  const unlink = async (childId: string) => {
    setPending(`unlink-${childId}`);
    try {
      await call('unlinkBeneficiary', { params: { needId, childId } });
      void message.success(t('children.beneficiaries.removed'));
      void view.refetch();
    } catch (error) {
      notification.error({ message: t('actions.failed'), description: problemMessage(error) });
    } finally {
      setPending(null);
    }
  };

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <TeamOutlined />
          {t('children.beneficiaries.title')}
        </Flex>
      }
      extra={
        view.data && (
          <Typography.Text type="secondary">{t('children.beneficiaries.count', { count: view.data.beneficiaryCount })}</Typography.Text>
        )
      }
      loading={view.isLoading}
      data-testid="need-beneficiaries"
    >
      {consentMissing && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setConsentMissing(null)}
          style={{ marginBottom: 12 }}
          message={t('problems.consent_required')}
          description={
            consentMissing.length > 0
              ? t('children.beneficiaries.consentRequired', { aliases: consentMissing.join(t('common.listSeparator')) })
              : t('children.beneficiaries.consentRequiredUnknown')
          }
          data-testid="consent-required"
        />
      )}
      {canLink && (
        <Flex gap={8} style={{ marginBottom: 12 }} wrap>
          <div style={{ flex: '1 1 240px' }}>
            <ChildPicker
              organizationId={organizationId}
              multiple
              value={chosen}
              exclude={linked.map((c) => c.childId)}
              placeholder={t('children.beneficiaries.picker')}
              aria-label={t('children.beneficiaries.picker')}
              onChange={(value, shown) => {
                setChosen(Array.isArray(value) ? value : value ? [value] : []);
                setLabels((known) => ({ ...known, ...shown }));
              }}
            />
          </div>
          <Button
            type="primary"
            disabled={chosen.length === 0}
            loading={pending === 'link'}
            onClick={() => void link()}
            data-testid="link-children"
          >
            {t('children.beneficiaries.link')}
          </Button>
        </Flex>
      )}
      {linked.length === 0 ? (
        <Typography.Text type="secondary">{t('children.beneficiaries.empty')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={linked}
          renderItem={(child) => (
            <List.Item
              key={child.childId}
              actions={
                canLink
                  ? [
                      <Popconfirm
                        key="remove"
                        title={t('children.beneficiaries.removeConfirm')}
                        onConfirm={() => void unlink(child.childId)}
                        okButtonProps={{ danger: true }}
                      >
                        <Button size="small" danger loading={pending === `unlink-${child.childId}`} data-testid={`unlink-${child.childId}`}>
                          {t('children.beneficiaries.remove')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong>{child.alias}</Typography.Text>
                <Tag>{t(`children.ageBands.${child.ageBand}`)}</Tag>
                {child.needToKnow.map((fact) => (
                  <Tag key={fact} color="blue">
                    {fact}
                  </Tag>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
