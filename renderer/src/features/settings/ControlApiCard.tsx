import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getToken } from '../../api/token';

/**
 * The control API (Stream Deck, Companion, scripts): its base URL and a reminder that it needs
 * the token. The token stays hidden until asked for (screens get shared on calls and streams).
 */
export function ControlApiCard() {
  const { t } = useTranslation();
  const [reveal, setReveal] = useState(false);
  const origin = window.cuecart?.serverOrigin ?? location.origin;
  const token = window.cuecart ? null : getToken();
  return (
    <Card title={t('settings.remote')} size="small" style={{ height: '100%' }} data-testid="control-api-card">
      <Descriptions column={1} size="small" colon={false} styles={{ label: { width: 140 } }}>
        <Descriptions.Item label={t('settings.apiBase')}>
          <Typography.Text copyable className="cc-mono" data-testid="api-base">
            {`${origin.replace(/\/$/, '')}/api/v1`}
          </Typography.Text>
        </Descriptions.Item>
        {token && (
          <Descriptions.Item label={t('settings.token')}>
            <Space size={4} wrap>
              {reveal ? (
                <Typography.Text copyable className="cc-mono" data-testid="token-value">
                  {token}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('settings.tokenHidden')}</Typography.Text>
              )}
              <Button
                size="small"
                type="link"
                icon={reveal ? <EyeInvisibleOutlined /> : <EyeOutlined />}
                onClick={() => setReveal(!reveal)}
                data-testid="token-toggle"
              >
                {t(reveal ? 'common.hide' : 'common.show')}
              </Button>
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 13 }}>
        {t('settings.tokenNote')}
      </Typography.Paragraph>
    </Card>
  );
}
