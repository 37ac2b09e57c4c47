import { CloseCircleFilled } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a crashed page shows: a friendly message in the user's language and a reload button. */
function CrashNotice({ error }: { error: Error }) {
  const { t } = useTranslation();
  // Plain markup rather than antd's Result, whose illustrations would weigh on the first load.
  return (
    <Flex vertical align="center" gap={12} style={{ padding: '48px 24px', textAlign: 'center' }} data-testid="crash-notice">
      <CloseCircleFilled style={{ fontSize: 48, color: '#ff4d4f' }} />
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('boundary.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('boundary.body')}</Typography.Text>
      <Button type="primary" data-testid="boundary-reload" onClick={() => location.reload()}>
        {t('common.reload')}
      </Button>
      <Typography.Text type="secondary" style={{ maxWidth: 640 }}>
        <details>
          <summary>{t('boundary.details')}</summary>
          <pre style={{ whiteSpace: 'pre-wrap', textAlign: 'start' }}>{error.message}</pre>
        </details>
      </Typography.Text>
    </Flex>
  );
}

/** Catches render errors in a route so the navigation and the rest of the app keep working. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page crashed', error, info.componentStack);
  }

  override render() {
    return this.state.error ? <CrashNotice error={this.state.error} /> : this.props.children;
  }
}
