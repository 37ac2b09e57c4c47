import { Col, Divider, Drawer, Form, Input, Row, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { convertCue, CUE_KINDS, type Cue, type CueKind } from '../../../../../electron/contract';
import { CueActionsEditor } from './CueActionsEditor';
import { CueKindFields } from './CueKindFields';
import { CueRunFields } from './CueRunFields';
import { KIND_COLORS, useEditor } from './editor-context';
import { DurationInput } from './fields/DurationInput';
import { ProductDealLine } from './ProductDealLine';
import { ProductPicker } from './fields/ProductPicker';
import { ProductHistoryHint } from '../../recaps/ProductHistoryHint';
import { updateCue } from './plan-ops';

/**
 * Edit one cue beside the rundown (no mask: the times update as you type). Every change is a
 * plan edit — undoable, autosaved — and typing in one field undoes as one step.
 */
export function CueDrawer({ cueId, onClose }: { cueId: string | null; onClose(): void }) {
  const { t } = useTranslation();
  const { history, products, hosts } = useEditor();
  const cue = cueId ? history.plan.segments.flatMap((s) => s.cues).find((c) => c.id === cueId) : undefined;
  const product = cue?.productId ? products.get(cue.productId) : undefined;

  const change = (patch: Record<string, unknown>) => {
    if (!cue) return;
    const key = `cue:${cue.id}:${Object.keys(patch).join(',')}`;
    history.apply((p) => updateCue(p, cue.id, (c) => ({ ...c, ...patch }) as Cue), key);
  };
  const setKind = (kind: CueKind) => cue && history.apply((p) => updateCue(p, cue.id, (c) => convertCue(c, kind)));

  return (
    <Drawer
      open={!!cue}
      onClose={onClose}
      mask={false}
      size={520}
      title={t('plan.editCue')}
      destroyOnHidden
      data-testid="cue-drawer"
      styles={{ body: { paddingTop: 12 } }}
    >
      {cue && (
        <Form layout="vertical" size="middle" requiredMark={false}>
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item label={t('plan.fields.kind')}>
                <Select
                  value={cue.kind}
                  onChange={setKind}
                  options={CUE_KINDS.map((k) => ({ value: k, label: <Tag color={KIND_COLORS[k]}>{t(`plan.kinds.${k}`)}</Tag> }))}
                  data-testid="field-kind"
                />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item label={t('plan.fields.duration')}>
                <DurationInput value={cue.durationMs} onChange={(durationMs) => change({ durationMs })} testId="field-duration" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label={t('plan.fields.cueTitle')}>
            <Input value={cue.title} maxLength={200} placeholder={product?.shortTitle || product?.title} onChange={(e) => change({ title: e.target.value })} data-testid="field-cueTitle" />
          </Form.Item>
          <Form.Item label={t('plan.fields.product')} extra={product ? <ProductDealLine product={product} /> : undefined}>
            <ProductPicker value={cue.productId} onChange={(p) => change({ productId: p?.id ?? null })} />
          </Form.Item>
          {cue.productId && <ProductHistoryHint productId={cue.productId} />}
          <CueKindFields cue={cue} product={product} change={change} />
          <Form.Item label={t('plan.fields.hosts')} extra={t('plan.help.cueHosts')}>
            <Select mode="multiple" value={cue.hostIds} onChange={(hostIds: string[]) => change({ hostIds })} options={[...hosts.values()].map((h) => ({ value: h.id, label: h.name }))} />
          </Form.Item>
          <Form.Item label={t('plan.fields.notes')}>
            <Input.TextArea value={cue.notes} maxLength={5000} autoSize={{ minRows: 2, maxRows: 6 }} onChange={(e) => change({ notes: e.target.value })} data-testid="field-cueNotes" />
          </Form.Item>
          <CueRunFields cue={cue} change={change} />
          <Divider titlePlacement="start" style={{ margin: '8px 0 12px' }}>
            {t('plan.actions.title')}
          </Divider>
          <CueActionsEditor cue={cue} onChange={(actions) => change({ actions })} />
        </Form>
      )}
    </Drawer>
  );
}
