import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreflightReport } from '../../../../electron/contract';
import { toAppError } from '../../lib/errors';
import { useNotify } from '../../lib/notify';
import { OverlayInstaller } from './OverlayInstaller';
import { PreflightIssues } from './PreflightIssues';
import { useCreateScene, usePreflight } from './useObsSetup';

export interface PreflightPanelProps {
  showId: string;
}

/**
 * "Is OBS ready for this show?": a pass/fail summary with what was checked, then the problems
 * grouped by severity, each with a one-click fix where there is one (create the scene, install
 * the overlays). Re-checks by itself when OBS's scenes or sources change. Self-contained: the
 * show editor can drop `<PreflightPanel showId={id} />` anywhere.
 */
export function PreflightPanel({ showId }: PreflightPanelProps) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const preflight = usePreflight(showId);
  const createScene = useCreateScene();
  const [creating, setCreating] = useState<ReadonlySet<string>>(new Set());
  const [installerOpen, setInstallerOpen] = useState(false);
  const report = preflight.data;

  const onCreateScene = (scene: string) => {
    setCreating((s) => new Set(s).add(scene));
    createScene.mutate(scene, {
      onSuccess: () => notify.success(t('obs.setup.preflight.sceneCreated', { scene })),
      onError: (error) => notify.error(error),
      onSettled: () =>
        setCreating((s) => {
          const next = new Set(s);
          next.delete(scene);
          return next;
        }),
    });
  };

  const checkedAt = report && new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(report.checkedAt);
  const missing = preflight.isError && toAppError(preflight.error).code === 'NOT_FOUND';

  return (
    <Card
      size="small"
      title={t('obs.setup.preflight.title')}
      extra={
        <Flex gap={12} align="center">
          {checkedAt && (
            <Typography.Text type="secondary" className="cc-num" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('obs.setup.preflight.checkedAt', { time: checkedAt })}
            </Typography.Text>
          )}
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={preflight.isFetching}
            onClick={() => void preflight.refetch()}
            data-testid="preflight-refresh"
          >
            {t('obs.setup.preflight.refresh')}
          </Button>
        </Flex>
      }
      data-testid="preflight-panel"
    >
      {preflight.isPending && !preflight.isError && <Skeleton active paragraph={{ rows: 4 }} />}
      {preflight.isError && !report && (
        <Alert type={missing ? 'warning' : 'error'} showIcon title={t(missing ? 'obs.setup.preflight.notFound' : 'obs.setup.preflight.loadFailed')} />
      )}
      {report && (
        <Flex vertical gap={16}>
          <PreflightSummary report={report} />
          <PreflightIssues
            issues={report.issues}
            creating={creating}
            onCreateScene={onCreateScene}
            onInstallOverlays={() => setInstallerOpen(true)}
          />
        </Flex>
      )}
      <OverlayInstaller open={installerOpen} onClose={() => setInstallerOpen(false)} />
    </Card>
  );
}

/** Green or red at a glance, and how much was checked (so "passed" cannot mean "checked nothing"). */
function PreflightSummary({ report }: { report: PreflightReport }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  const color = report.ok ? token.colorSuccess : token.colorError;
  const title = !report.ok
    ? t('obs.setup.preflight.fail', { count: errors })
    : warnings > 0
      ? t('obs.setup.preflight.passWarnings', { count: warnings })
      : t('obs.setup.preflight.pass');
  const counts = ['cues', 'scenes', 'sources', 'overlays'] as const;
  return (
    <Flex
      align="center"
      gap={16}
      wrap
      data-testid="preflight-summary"
      data-ok={report.ok}
      style={{
        padding: '14px 18px',
        borderRadius: token.borderRadiusLG,
        border: `1px solid ${report.ok ? token.colorSuccessBorder : token.colorErrorBorder}`,
        background: report.ok ? token.colorSuccessBg : token.colorErrorBg,
      }}
    >
      {report.ok ? <CheckCircleFilled style={{ color, fontSize: 28 }} /> : <CloseCircleFilled style={{ color, fontSize: 28 }} />}
      <Flex vertical gap={2} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Typography.Text strong style={{ fontSize: 16 }} data-testid="preflight-verdict">
          {title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {t(report.ok ? 'obs.setup.preflight.passHelp' : 'obs.setup.preflight.failHelp')}
        </Typography.Text>
      </Flex>
      <Flex gap={24} data-testid="preflight-counts">
        {counts.map((key) => (
          <Flex vertical align="center" key={key} style={{ minWidth: 64 }}>
            <span className="cc-num" style={{ fontSize: 20, fontWeight: 600, lineHeight: 1.2 }} data-testid={`preflight-count-${key}`}>
              {report.counts[key]}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t(`obs.setup.preflight.counts.${key}`)}
            </Typography.Text>
          </Flex>
        ))}
      </Flex>
    </Flex>
  );
}
