import { Button, Drawer, Flex, Form, Input, Segmented } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { HostFields, HOST_ROLES, type Host, type HostDraft } from '../../../../electron/contract';
import { fieldErrors, serverFieldErrors, toAppError } from '../../lib/errors';
import { useNotify } from '../../lib/notify';
import { AvatarUpload } from './AvatarUpload';
import { useSaveHost } from './queries';

const FIELDS = ['name', 'title', 'handle', 'role', 'avatar', 'notes'] as const;
const EMPTY: HostDraft = { name: '', title: '', handle: '', role: 'host', avatar: null, notes: '' };

/** Create or edit a host. The same zod schema as the core checks the form first. */
export function HostDrawer({ target, onClose }: { target: Host | 'new' | null; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HostDraft>();
  const notify = useNotify();
  const save = useSaveHost();
  const tried = useRef(false);
  const editing = target && target !== 'new' ? target : null;
  const label = (f: string) => t(`hosts.fields.${f as 'name'}`);

  useEffect(() => {
    if (!target) return;
    tried.current = false;
    form.resetFields();
    form.setFieldsValue(target === 'new' ? EMPTY : target);
  }, [target, form]);

  const show = (errors: Record<string, string[]>) => form.setFields(FIELDS.map((name) => ({ name, errors: errors[name] ?? [] })));
  const check = () => {
    const parsed = HostFields.safeParse(form.getFieldsValue(true));
    show(parsed.success ? {} : fieldErrors(parsed.error.issues as never, t));
    return parsed;
  };

  const submit = () => {
    tried.current = true;
    const parsed = check();
    if (!parsed.success) return;
    save.mutate(
      { id: editing?.id, draft: parsed.data },
      {
        onSuccess: () => {
          notify.success(t(editing ? 'hosts.updated' : 'hosts.created'));
          onClose();
        },
        onError: (error) => {
          const perField = serverFieldErrors(toAppError(error), t);
          if (perField) show(perField);
          notify.error(error, label);
        },
      },
    );
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={480}
      title={t(editing ? 'hosts.editTitle' : 'hosts.createTitle')}
      data-testid="host-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit} data-testid="host-save">
            {t(editing ? 'common.save' : 'common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<HostDraft> form={form} layout="vertical" requiredMark onFinish={submit} onValuesChange={() => tried.current && check()}>
        <Form.Item name="avatar" label={label('avatar')}>
          <AvatarUpload />
        </Form.Item>
        <Form.Item name="name" label={label('name')} required>
          <Input maxLength={60} data-testid="field-name" />
        </Form.Item>
        <Form.Item name="role" label={label('role')}>
          <Segmented options={HOST_ROLES.map((r) => ({ value: r, label: t(`hosts.roles.${r}`) }))} data-testid="field-role" />
        </Form.Item>
        <Form.Item name="title" label={label('title')} extra={t('hosts.help.title')}>
          <Input maxLength={80} data-testid="field-title" />
        </Form.Item>
        <Form.Item name="handle" label={label('handle')}>
          <Input maxLength={80} placeholder="@" data-testid="field-handle" />
        </Form.Item>
        <Form.Item name="notes" label={label('notes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="field-notes" />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  );
}
