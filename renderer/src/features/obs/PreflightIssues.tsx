import { CloseCircleFilled, PlusOutlined, SettingOutlined, ToolOutlined, WarningFilled } from '@ant-design/icons';
import { Button, Flex, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { PreflightIssue } from '../../../../electron/contract';
import { kindLabel } from './native-labels';
import { issuesBySeverity } from './obs-setup-view';

export interface PreflightIssuesProps {
  issues: PreflightIssue[];
  /** Scene names being created right now (their buttons spin). */
  creating: ReadonlySet<string>;
  onCreateScene: (scene: string) => void;
  onInstallOverlays: () => void;
}

/** Overlay kinds in the user's language: "lower-third, countdown" → "Lower third, Countdown". */
function localizedSubject(issue: PreflightIssue, t: TFunction, lang: string): string {
  if (issue.code === 'overlays_not_installed') {
    const kinds = issue.subject.split(',').map((k) => kindLabel(t, k.trim()));
    return new Intl.ListFormat(lang, { type: 'conjunction' }).format(kinds);
  }
  if (issue.code === 'native_binding_missing') return kindLabel(t, issue.subject);
  return issue.subject;
}

/** The list under the preflight summary: grouped by severity, each with its fix where one exists. */
export function PreflightIssues({ issues, creating, onCreateScene, onInstallOverlays }: PreflightIssuesProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const navigate = useNavigate();

  const fixButton = (issue: PreflightIssue) => {
    const common = { size: 'small' as const, 'data-testid': 'preflight-fix' };
    if (issue.fix?.type === 'create_scene') {
      const scene = issue.fix.scene;
      return (
        <Button {...common} type="primary" icon={<PlusOutlined />} loading={creating.has(scene)} onClick={() => onCreateScene(scene)} data-fix="create_scene">
          {t('obs.setup.preflight.fix.create_scene')}
        </Button>
      );
    }
    if (issue.fix?.type === 'install_overlays') {
      return (
        <Button {...common} type="primary" icon={<ToolOutlined />} onClick={onInstallOverlays} data-fix="install_overlays">
          {t('obs.setup.preflight.fix.install_overlays')}
        </Button>
      );
    }
    if (issue.code === 'obs_not_connected') {
      return (
        <Button {...common} icon={<SettingOutlined />} onClick={() => void navigate('/settings')} data-fix="connect">
          {t('obs.setup.preflight.fix.connect')}
        </Button>
      );
    }
    return null;
  };

  return (
    <Flex vertical gap={16} data-testid="preflight-issues">
      {issuesBySeverity(issues).map((group) => {
        const error = group.severity === 'error';
        const color = error ? token.colorError : token.colorWarning;
        return (
          <Flex vertical gap={8} key={group.severity} data-testid="preflight-group" data-severity={group.severity}>
            <Typography.Text strong style={{ color }}>
              {t(`obs.setup.preflight.severity.${group.severity}`, { count: group.issues.length })}
            </Typography.Text>
            {group.issues.map((issue, i) => (
              <Flex
                key={`${issue.code}:${issue.cueId ?? ''}:${issue.subject}:${i}`}
                align="center"
                gap={12}
                data-testid="preflight-issue"
                data-code={issue.code}
                data-severity={issue.severity}
                style={{
                  padding: '10px 14px',
                  borderRadius: token.borderRadiusLG,
                  border: `1px solid ${token.colorBorderSecondary}`,
                  borderInlineStart: `3px solid ${color}`,
                  background: token.colorFillQuaternary,
                }}
              >
                {error ? <CloseCircleFilled style={{ color, fontSize: 16 }} /> : <WarningFilled style={{ color, fontSize: 16 }} />}
                <Flex vertical gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text data-testid="preflight-issue-message">
                    {t(`obs.setup.preflight.codes.${issue.code}`, { subject: localizedSubject(issue, t, i18n.language) })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {issue.cueId ? t('obs.setup.preflight.cue', { title: issue.cueTitle }) : t('obs.setup.preflight.wholeShow')}
                  </Typography.Text>
                </Flex>
                {fixButton(issue)}
              </Flex>
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}
