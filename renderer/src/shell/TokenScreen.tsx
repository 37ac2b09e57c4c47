import { KeyOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setToken } from '../api/token';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * Shown when the server refused our WebSocket (no token or a wrong one in this browser).
 * The token is stored like the one from the `/?token=` link, then the app starts over.
 */
export default function TokenScreen() {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState(false);
  const submit = () => {
    if (!value.trim()) return setError(true);
    setToken(value);
    location.reload();
  };
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh', padding: 24 }}>
      <Card style={{ width: 460 }} data-testid="token-screen" extra={<LanguageSwitch />} title={
        <Flex gap={8} align="center">
          <KeyOutlined />
          {t('token.title')}
        </Flex>
      }>
        <Typography.Paragraph type="secondary">{t('token.body')}</Typography.Paragraph>
        <Form layout="vertical" onFinish={submit}>
          <Form.Item label={t('token.label')} validateStatus={error ? 'error' : undefined} help={error ? t('token.empty') : undefined}>
            <Input.Password
              autoFocus
              value={value}
              placeholder={t('token.placeholder')}
              data-testid="token-input"
              onChange={(e) => {
                setValue(e.target.value);
                setError(false);
              }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block data-testid="token-submit">
            {t('token.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
