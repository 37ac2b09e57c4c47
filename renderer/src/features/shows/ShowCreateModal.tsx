import { DatePicker, Form, Input, InputNumber, Modal, Segmented, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CANVASES, PLATFORMS, type ShowSummary } from '../../../../electron/contract';
import { useNotify } from '../../lib/notify';
import { localZone, zonedInstant } from '../../lib/zoned-time';
import { useHosts } from '../hosts/queries';
import { useShowMutations } from './queries';

interface Values {
  title: string;
  platform: ShowSummary['platform'];
  date: Dayjs;
  time: Dayjs;
  minutes: number;
  canvas: ShowSummary['canvas'];
  hostIds: string[];
}

/** `null` closed; `'new'` a blank show; a template to start a show from it. */
export type CreateTarget = 'new' | ShowSummary | null;

const SEGMENT_KEYS = ['opening', 'products', 'perks', 'interaction', 'close'] as const;

/** New show (blank, with the usual segments) or a new show from a template; opens it in the editor. */
export function ShowCreateModal({ target, onClose }: { target: CreateTarget; onClose(): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const notify = useNotify();
  const hosts = useHosts();
  const { create, duplicate } = useShowMutations();
  const template = target && target !== 'new' ? target : null;

  useEffect(() => {
    if (!target) return;
    const tomorrow = dayjs().add(1, 'day');
    form.resetFields();
    form.setFieldsValue({
      title: template ? template.title : '',
      platform: template?.platform ?? 'douyin',
      date: tomorrow,
      // A template keeps its time of day (a 20:00 show stays a 20:00 show); a blank show starts at 20:00.
      time: template ? dayjs(template.startAt) : dayjs().hour(20).minute(0),
      minutes: template ? Math.round(template.plannedLengthMs / 60_000) : 120,
      canvas: template?.canvas ?? '9:16',
      hostIds: template?.hostIds ?? [],
    });
  }, [target, template, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const timeZone = localZone();
    const startAt = zonedInstant({ year: v.date.year(), month: v.date.month() + 1, day: v.date.date(), hour: v.time.hour(), minute: v.time.minute() }, timeZone);
    const onSuccess = (show: ShowSummary) => {
      notify.success(t('shows.created'));
      onClose();
      void navigate(`/shows/${show.id}`);
    };
    if (template) {
      duplicate.mutate({ id: template.id, asTemplate: false, title: v.title, startAt, timeZone }, { onSuccess, onError: (e) => notify.error(e) });
      return;
    }
    const segments = SEGMENT_KEYS.map((k, i) => ({ id: `s${i}`, title: t(`plan.defaultSegments.${k}`), cues: [] }));
    create.mutate(
      { title: v.title, platform: v.platform, startAt, timeZone, plannedLengthMs: v.minutes * 60_000, canvas: v.canvas, hostIds: v.hostIds, segments },
      { onSuccess, onError: (e) => notify.error(e) },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={template ? t('shows.fromTemplateTitle', { title: template.title }) : t('shows.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || duplicate.isPending}
      okButtonProps={{ 'data-testid': 'show-create-ok' } as never}
      destroyOnHidden
      data-testid="show-create"
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item name="title" label={t('plan.fields.title')} rules={[{ required: true, whitespace: true, message: t('errors.issue.required') }]}>
          <Input maxLength={200} autoFocus data-testid="field-title" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="date" label={t('plan.fields.date')} style={{ flex: 1 }} rules={[{ required: true, message: t('errors.issue.required') }]}>
            <DatePicker style={{ width: '100%' }} allowClear={false} data-testid="field-date" />
          </Form.Item>
          <Form.Item name="time" label={t('plan.fields.startTime')} style={{ flex: 1 }} rules={[{ required: true, message: t('errors.issue.required') }]}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} allowClear={false} needConfirm={false} data-testid="field-time" />
          </Form.Item>
        </div>
        {!template && (
          <>
            <div style={{ display: 'flex', gap: 12 }}>
              <Form.Item name="platform" label={t('plan.fields.platform')} style={{ flex: 1 }}>
                <Select options={PLATFORMS.map((p) => ({ value: p, label: t(`shows.platforms.${p}`) }))} data-testid="field-platform" />
              </Form.Item>
              <Form.Item name="minutes" label={t('plan.fields.plannedLength')} style={{ flex: 1 }}>
                <InputNumber min={5} max={48 * 60} step={15} suffix={t('plan.minutesShort')} style={{ width: '100%' }} data-testid="field-minutes" />
              </Form.Item>
            </div>
            <Form.Item name="canvas" label={t('plan.fields.canvas')}>
              <Segmented options={CANVASES.map((c) => ({ value: c, label: t(c === '9:16' ? 'shows.canvases.portrait' : 'shows.canvases.landscape') }))} />
            </Form.Item>
            <Form.Item name="hostIds" label={t('plan.fields.hosts')}>
              <Select mode="multiple" options={(hosts.data ?? []).map((h) => ({ value: h.id, label: h.name }))} data-testid="field-hosts" />
            </Form.Item>
          </>
        )}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
