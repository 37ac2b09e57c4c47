import { Col, DatePicker, Drawer, Form, Input, InputNumber, Row, Segmented, Select, TimePicker } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CANVASES, PLATFORMS, SHOW_STATUSES, type ShowFields } from '../../../../../electron/contract';
import { zonedInstant, zonedParts } from '../../../lib/zoned-time';
import { useEditor } from './editor-context';
import { MoneyInput } from './fields/MoneyInput';
import { updateFields } from './plan-ops';

function zones(): string[] {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai', 'UTC'];
  }
}

/**
 * The show's own fields. Date and time are edited as the wall clock of the show's time zone, so
 * 20:00 in Shanghai stays 20:00 whoever opens the plan. Every change is an undoable plan edit.
 */
export function ShowSettingsDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { history, hosts } = useEditor();
  const f = history.plan.fields;
  const set = (patch: Partial<ShowFields>) => history.apply((p) => updateFields(p, patch), `fields:${Object.keys(patch).join(',')}`);
  const wall = zonedParts(f.startAt, f.timeZone);
  const date = dayjs(new Date(wall.year, wall.month - 1, wall.day));
  const time = dayjs().hour(wall.hour).minute(wall.minute).second(0);
  const setStart = (d: { year: number; month: number; day: number; hour: number; minute: number }) => set({ startAt: zonedInstant(d, f.timeZone) });
  const zoneOptions = useMemo(() => zones().map((z) => ({ value: z, label: z })), []);
  return (
    <Drawer open={open} onClose={onClose} size={480} title={t('plan.settings')} data-testid="show-settings">
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('plan.fields.title')}>
          <Input value={f.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} data-testid="field-showTitle" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('plan.fields.status')}>
              <Select value={f.status} onChange={(status) => set({ status })} options={SHOW_STATUSES.map((s) => ({ value: s, label: t(`shows.statuses.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('plan.fields.platform')}>
              <Select value={f.platform} onChange={(platform) => set({ platform })} options={PLATFORMS.map((p) => ({ value: p, label: t(`shows.platforms.${p}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('plan.fields.date')}>
              <DatePicker
                value={date}
                allowClear={false}
                style={{ width: '100%' }}
                onChange={(d) => d && setStart({ ...wall, year: d.year(), month: d.month() + 1, day: d.date() })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('plan.fields.startTime')}>
              <TimePicker
                value={time}
                format="HH:mm"
                minuteStep={5}
                allowClear={false}
                needConfirm={false}
                style={{ width: '100%' }}
                onChange={(d) => d && setStart({ ...wall, hour: d.hour(), minute: d.minute() })}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('plan.fields.plannedLength')}>
              <InputNumber
                min={0}
                max={48 * 60}
                step={15}
                value={Math.round(f.plannedLengthMs / 60_000)}
                onChange={(m) => set({ plannedLengthMs: (m ?? 0) * 60_000 })}
                suffix={t('plan.minutesShort')}
                style={{ width: '100%' }}
                data-testid="field-plannedLength"
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('plan.fields.timeZone')}>
              <Select showSearch value={f.timeZone || undefined} placeholder={t('plan.localZone')} allowClear onChange={(timeZone) => set({ timeZone: timeZone ?? '' })} options={zoneOptions} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('plan.fields.canvas')}>
          <Segmented value={f.canvas} onChange={(canvas) => set({ canvas: canvas as ShowFields['canvas'] })} options={CANVASES.map((c) => ({ value: c, label: t(c === '9:16' ? 'shows.canvases.portrait' : 'shows.canvases.landscape') }))} />
        </Form.Item>
        <Form.Item label={t('plan.fields.hosts')}>
          <Select mode="multiple" value={f.hostIds} onChange={(hostIds: string[]) => set({ hostIds })} options={[...hosts.values()].map((h) => ({ value: h.id, label: `${h.name} · ${t(`hosts.roles.${h.role}`)}` }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('plan.fields.goalGmv')}>
              <MoneyInput value={f.goalGmv} currency="CNY" onChange={(goalGmv) => set({ goalGmv })} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('plan.fields.goalOrders')}>
              <InputNumber min={0} value={f.goalOrders} onChange={(goalOrders) => set({ goalOrders: goalOrders ?? null })} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('plan.fields.notes')}>
          <Input.TextArea value={f.notes} maxLength={10_000} autoSize={{ minRows: 3, maxRows: 10 }} onChange={(e) => set({ notes: e.target.value })} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
