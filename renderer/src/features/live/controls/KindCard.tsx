import { EyeInvisibleOutlined, SendOutlined, SyncOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OverlayKind } from '../../../../../electron/contract';
import { OnAirTag } from '../OnAirTag';

export interface KindCardProps {
  kind: OverlayKind;
  onAir: boolean;
  /** One line saying what is on air (or was, when hidden with its content kept). */
  summary?: ReactNode;
  /** The form can make content now (e.g. a product is picked). */
  ready: boolean;
  busy: { show: boolean; hide: boolean };
  onShow(): void;
  onHide(): void;
  /** More buttons before Hide (e.g. restart a countdown). */
  extra?: ReactNode;
  children: ReactNode;
}

/**
 * One overlay kind in the control room: its tally (on air or not), a compact form, and
 * Show / Update / Hide. The red edge is the tally, as on a vision mixer.
 */
export function KindCard({ kind, onAir, summary, ready, busy, onShow, onHide, extra, children }: KindCardProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={`overlay-card-${kind}`}
      data-state={onAir ? 'on' : 'off'}
      title={
        <Flex align="center" gap={8}>
          <span>{t(`live.kinds.${kind}`)}</span>
          <OnAirTag onAir={onAir} />
        </Flex>
      }
      styles={{
        root: { borderLeft: `3px solid ${onAir ? '#ff3b30' : 'transparent'}`, height: '100%', display: 'flex', flexDirection: 'column' },
        header: { minHeight: 38, paddingInline: 12 },
        body: { padding: 12, flex: 1, display: 'flex', flexDirection: 'column', gap: 8 },
      }}
    >
      <div style={{ flex: 1 }}>{children}</div>
      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, minHeight: 18 }} data-testid={`overlay-summary-${kind}`}>
        {summary ? (
          <>
            {onAir ? t('live.summary.onAir') : t('live.summary.last')} {summary}
          </>
        ) : (
          t('live.summary.nothing')
        )}
      </Typography.Text>
      <Flex gap={6} justify="flex-end">
        {extra}
        <Button size="small" icon={<EyeInvisibleOutlined />} disabled={!onAir} loading={busy.hide} onClick={onHide} data-testid={`overlay-hide-${kind}`}>
          {t('live.actions.hide')}
        </Button>
        <Button
          size="small"
          type="primary"
          icon={onAir ? <SyncOutlined /> : <SendOutlined />}
          disabled={!ready}
          loading={busy.show}
          onClick={onShow}
          data-testid={`overlay-show-${kind}`}
        >
          {onAir ? t('live.actions.update') : t('live.actions.show')}
        </Button>
      </Flex>
    </Card>
  );
}
