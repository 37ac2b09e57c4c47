import { DeleteOutlined, DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodInput, ObsSettings } from '../../../../electron/contract';
import { serverFieldErrors, toAppError } from '../../lib/errors';
import { useNotify } from '../../lib/notify';
import { hostProblem, portValid, splitAddress, type ObsPhase } from './obs-view';
import { useObsConnection } from './useObs';

interface FormValues {
  host: string;
  port: number | null;
  password: string;
}

/**
 * Where OBS is and how to get in. The saved password is never shown (the core does not even
 * send it): the field says "saved" and can be cleared; typing replaces it on the next Connect.
 * Connect saves the address and connects in one go; connect-on-start saves at once.
 */
export function ObsConnectionForm({ settings, phase }: { settings: ObsSettings; phase: ObsPhase }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotify();
  const [form] = Form.useForm<FormValues>();
  const connection = useObsConnection();
  const pending = connection.isPending ? connection.variables : undefined;

  // Another client (or the control API) may change the address: follow it unless being edited.
  useEffect(() => {
    const next: Partial<FormValues> = {};
    if (!form.isFieldTouched('host')) next.host = settings.host;
    if (!form.isFieldTouched('port')) next.port = settings.port;
    form.setFieldsValue(next);
  }, [form, settings.host, settings.port]);

  const label = (field: string) => t(`obs.fields.${field as 'host'}`, { defaultValue: field });
  const send = (input: MethodInput<'obs.connection.set'>, after?: () => void) =>
    connection.mutate(input, {
      onSuccess: after,
      onError: (error) => {
        const fields = serverFieldErrors(toAppError(error), t);
        if (fields) form.setFields(Object.entries(fields).map(([name, errors]) => ({ name: name as keyof FormValues, errors })));
        notify.error(error, label);
      },
    });

  const connect = async () => {
    splitPastedAddress();
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const password = values.password ? { password: values.password } : {};
    send({ host: values.host.trim(), port: values.port!, ...password, connect: true }, () =>
      form.setFields([
        { name: 'host', value: values.host.trim(), touched: false },
        { name: 'port', value: values.port, touched: false },
        { name: 'password', value: '', touched: false },
      ]),
    );
  };

  // Pasting OBS's "ws://192.168.1.20:4455" fills both fields (on blur, or on Enter).
  const splitPastedAddress = () => {
    const split = splitAddress(form.getFieldValue('host') ?? '');
    if (!split) return false;
    form.setFieldValue('host', split.host);
    if (split.port) {
      form.setFieldValue('port', split.port);
      void message.info(t('obs.addressSplit', { port: split.port }));
    }
    return true;
  };
  const onHostBlur = () => {
    if (splitPastedAddress()) void form.validateFields(['host', 'port']).catch(() => {});
  };

  const connected = phase === 'connected';
  const dirty = Form.useWatch((v) => v, form);
  const changed = !!dirty && (dirty.host?.trim() !== settings.host || dirty.port !== settings.port || !!dirty.password);

  return (
    <Form<FormValues>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '130px' }}
      labelAlign="left"
      colon={false}
      initialValues={{ host: settings.host, port: settings.port, password: '' }}
      onFinish={() => void connect()}
      data-testid="obs-connection-form"
    >
      <Form.Item
        name="host"
        label={t('obs.fields.host')}
        required
        extra={t('obs.help.host')}
        rules={[
          {
            validator: (_, value: string) => {
              const problem = hostProblem(value);
              return problem ? Promise.reject(new Error(t(`obs.validation.${problem}`))) : Promise.resolve();
            },
          },
        ]}
      >
        <Input placeholder={t('obs.placeholders.host')} onBlur={onHostBlur} spellCheck={false} autoComplete="off" data-testid="obs-host" />
      </Form.Item>
      <Form.Item
        name="port"
        label={t('obs.fields.port')}
        required
        extra={t('obs.help.port')}
        rules={[
          {
            validator: (_, value: unknown) => {
              if (value === null || value === undefined || value === '') return Promise.reject(new Error(t('obs.validation.portRequired')));
              return portValid(value) ? Promise.resolve() : Promise.reject(new Error(t('obs.validation.portRange')));
            },
          },
        ]}
      >
        <InputNumber<number> placeholder="4455" controls={false} style={{ width: 140 }} data-testid="obs-port" />
      </Form.Item>
      <Form.Item label={t('obs.fields.password')} style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center">
          <Form.Item name="password" noStyle>
            <Input.Password
              placeholder={t(settings.hasPassword ? 'obs.placeholders.passwordSaved' : 'obs.placeholders.password')}
              autoComplete="new-password"
              spellCheck={false}
              style={{ flex: 1 }}
              data-testid="obs-password"
            />
          </Form.Item>
          {settings.hasPassword ? (
            <Space size={4}>
              <Tag color="green" style={{ marginInlineEnd: 0 }} data-testid="obs-password-saved">
                {t('obs.passwordSaved')}
              </Tag>
              <Popconfirm
                title={t('obs.clearPasswordConfirm')}
                okText={t('obs.clearPassword')}
                cancelText={t('common.cancel')}
                onConfirm={() => send({ password: null }, () => void message.success(t('obs.passwordCleared')))}
              >
                <Button size="small" type="text" icon={<DeleteOutlined />} data-testid="obs-password-clear">
                  {t('obs.clearPassword')}
                </Button>
              </Popconfirm>
            </Space>
          ) : (
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap', fontSize: 13 }}>
              {t('obs.passwordNone')}
            </Typography.Text>
          )}
        </Flex>
      </Form.Item>
      <Form.Item label={t('obs.fields.connectOnStart')} extra={t('obs.help.connectOnStart')} style={{ marginBottom: 16 }}>
        <Switch
          checked={settings.connectOnStart}
          loading={pending?.connectOnStart !== undefined}
          onChange={(on) => send({ connectOnStart: on }, () => void message.success(t('obs.saved')))}
          data-testid="obs-connect-on-start"
        />
      </Form.Item>
      <Form.Item label=" " style={{ marginBottom: 0 }}>
        <Space wrap>
          <Button
            type="primary"
            htmlType="submit"
            icon={<LinkOutlined />}
            loading={pending?.connect === true}
            data-testid="obs-connect"
          >
            {connected && changed ? t('obs.reconnect') : t('obs.connect')}
          </Button>
          <Button
            icon={<DisconnectOutlined />}
            disabled={phase === 'disconnected'}
            loading={pending?.connect === false}
            onClick={() => send({ connect: false })}
            data-testid="obs-disconnect"
          >
            {t('obs.disconnect')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
