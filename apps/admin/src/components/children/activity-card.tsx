import { useState } from 'react';
import { IdcardOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActivityCardChild, ActivityCardView } from '@kindred/contracts';
import { problemMessage } from '../../i18n/problem-messages';
import { useEndpoint } from '../../api/use-endpoint';

/**
 * What a confirmed volunteer may know about the children of an activity: alias, age band and the
 * facts a coordinator granted. Only these three fields are read from the answer, so nothing else a
 * payload might carry (a legal name, a school, a phone) is ever drawn.
 */
export function ActivityCard({ card }: { card: Pick<ActivityCardView, 'children'> }) {
  const { t } = useTranslation();
  const children: ActivityCardChild[] = card.children.map(({ alias, ageBand, needToKnow }) => ({ alias, ageBand, needToKnow }));
  if (children.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('children.activityCard.empty')} />;
  return (
    <Flex vertical gap={12} data-testid="activity-card">
      <Alert type="info" showIcon message={t('children.activityCard.hint')} />
      <List
        dataSource={children}
        renderItem={(child, index) => (
          <Card size="small" key={`${child.alias}-${index}`} style={{ marginBottom: 8 }} data-testid="activity-card-child">
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {child.alias}
              </Typography.Text>
              <Tag>{t(`children.ageBands.${child.ageBand}`)}</Tag>
            </Flex>
            {child.needToKnow.length > 0 && (
              <Flex vertical gap={4} style={{ marginTop: 8 }}>
                <Typography.Text type="secondary">{t('children.activityCard.needToKnow')}</Typography.Text>
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {child.needToKnow.map((fact) => (
                    <li key={fact}>{fact}</li>
                  ))}
                </ul>
              </Flex>
            )}
          </Card>
        )}
      />
    </Flex>
  );
}

/** The activity card of a sign-up, read when opened (each read is audited), for the volunteer's shift list. */
export function ActivityCardButton({ signupId }: { signupId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<IdcardOutlined />} onClick={() => setOpen(true)} data-testid={`activity-card-${signupId}`}>
        {t('children.activityCard.open')}
      </Button>
      {open && <ActivityCardModal signupId={signupId} onClose={() => setOpen(false)} />}
    </>
  );
}

function ActivityCardModal({ signupId, onClose }: { signupId: string; onClose(): void }) {
  const { t } = useTranslation();
  const card = useEndpoint('activityCard', { params: { signupId } });
  return (
    <Modal open title={t('children.activityCard.title')} footer={null} onCancel={onClose}>
      {card.isError ? (
        <Alert type="warning" showIcon message={problemMessage(card.error)} data-testid="activity-card-error" />
      ) : card.data ? (
        <ActivityCard card={card.data} />
      ) : (
        <Skeleton active />
      )}
    </Modal>
  );
}
