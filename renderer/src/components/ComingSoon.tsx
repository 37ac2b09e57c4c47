import { Card, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/** An honest placeholder for an area that is not built yet: what will be here, no fake data. */
export function ComingSoon({ title, heading, body, icon }: { title: string; heading: string; body: string; icon: ReactNode }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Empty
          image={<span style={{ fontSize: 56, opacity: 0.5 }}>{icon}</span>}
          styles={{ image: { height: 72 } }}
          description={
            <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="coming-soon">
              <Typography.Title level={5}>{heading}</Typography.Title>
              <Typography.Paragraph type="secondary">{body}</Typography.Paragraph>
            </div>
          }
        />
      </Card>
    </>
  );
}
