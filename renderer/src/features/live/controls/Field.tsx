import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** A dense form row: a short label on the left, the control filling the rest. */
export function Field({ label, children, align = 'center' }: { label: ReactNode; children: ReactNode; align?: 'center' | 'flex-start' }) {
  return (
    <Flex align={align} gap={8} style={{ marginBottom: 6 }}>
      <Typography.Text type="secondary" style={{ width: 64, flex: 'none', fontSize: 12, lineHeight: '24px' }}>
        {label}
      </Typography.Text>
      <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
    </Flex>
  );
}
