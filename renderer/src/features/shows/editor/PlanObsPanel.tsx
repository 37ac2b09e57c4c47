import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import { Button, Card, Drawer, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ObsScenesPanel, PreflightPanel, usePreflight } from '../../obs';

/**
 * The show against OBS, beside the rundown: a one-line preflight verdict, and drawers with the
 * full preflight (issues and fixes) and OBS's scene list. The column is narrow; the details are not.
 */
export function PlanObsPanel({ showId }: { showId: string }) {
  const { t } = useTranslation();
  const preflight = usePreflight(showId);
  const [open, setOpen] = useState<'preflight' | 'scenes' | null>(null);
  const report = preflight.data;
  const errors = report?.issues.filter((i) => i.severity === 'error').length ?? 0;
  const verdict = !report ? (
    <Typography.Text type="secondary">
      <LoadingOutlined /> {t('plan.obsPanel.checking')}
    </Typography.Text>
  ) : report.ok ? (
    <Typography.Text type="success">
      <CheckCircleFilled /> {t('plan.obsPanel.ready')}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger">
      <CloseCircleFilled /> {t('plan.obsPanel.problems', { count: errors })}
    </Typography.Text>
  );
  return (
    <Card size="small" title={t('plan.obsPanel.title')} data-testid="plan-obs-panel">
      <div data-testid="plan-preflight-verdict" data-ok={report ? String(report.ok) : ''} style={{ marginBottom: 8 }}>
        {verdict}
      </div>
      <Space wrap>
        <Button size="small" onClick={() => setOpen('preflight')} data-testid="plan-open-preflight">
          {t('plan.obsPanel.open')}
        </Button>
        <Button size="small" onClick={() => setOpen('scenes')}>
          {t('plan.obsPanel.scenes')}
        </Button>
      </Space>
      <Drawer width={640} open={open !== null} onClose={() => setOpen(null)} title={open === 'scenes' ? t('plan.obsPanel.scenes') : t('plan.obsPanel.preflight')} destroyOnHidden>
        {open === 'preflight' && <PreflightPanel showId={showId} />}
        {open === 'scenes' && <ObsScenesPanel title={null} />}
      </Drawer>
    </Card>
  );
}
