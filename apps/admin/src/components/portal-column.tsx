import type { ReactNode } from 'react';
import { Col, Flex, Row } from 'antd';

/** The volunteer and donor portals: one column on a 375 px phone, centred and capped on wider screens. */
export function PortalColumn({ children, testId, wide = false }: { children: ReactNode; testId?: string; wide?: boolean }) {
  return (
    <Row justify="center" data-testid={testId}>
      <Col xs={24} md={22} lg={wide ? 20 : 16} xl={wide ? 18 : 12}>
        <Flex vertical gap={16}>
          {children}
        </Flex>
      </Col>
    </Row>
  );
}
