import { Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObsMirror } from '../../../../electron/contract';
import { fieldWants, inputProblem, inputsFor, sceneItemNames, type NativeBinding } from './obs-setup-view';
import { fieldLabel } from './native-labels';

export interface NativeKindEditorProps {
  kind: string;
  fields: readonly string[];
  binding: NativeBinding | undefined;
  /** OBS as last read; null when there is none (selects then only show what is bound). */
  mirror: ObsMirror | null;
  onChange: (next: NativeBinding) => void;
}

/** Options for a Select, keeping a bound value that OBS no longer lists (marked) so it is visible. */
function options(names: string[], current: string | undefined, missingLabel: string) {
  const list = names.map((name) => ({ value: name, label: name }));
  if (current && !names.includes(current)) list.unshift({ value: current, label: `${current} · ${missingLabel}` });
  return list;
}

/**
 * One overlay kind's native binding: the scene item shown and hidden with the layer, and per
 * field the OBS input that shows it (text sources for text, image sources for images).
 */
export function NativeKindEditor({ kind, fields, binding, mirror, onChange }: NativeKindEditorProps) {
  const { t } = useTranslation();
  const missing = t('obs.setup.native.missing');
  const item = binding?.item;
  const current: NativeBinding = binding ?? { fields: {} };
  const scenes = mirror?.scenes.map((s) => s.name) ?? [];
  const setItem = (sceneName: string | undefined, sourceName: string | undefined) =>
    onChange({ ...current, item: sceneName || sourceName ? { sceneName: sceneName ?? '', sourceName: sourceName ?? '' } : undefined });
  const setField = (field: string, input: string | undefined) => {
    const next = { ...current.fields };
    if (input) next[field] = input;
    else delete next[field];
    onChange({ ...current, fields: next });
  };

  return (
    <Form layout="horizontal" labelCol={{ flex: '130px' }} labelAlign="left" colon={false} data-testid="native-kind" data-kind={kind}>
      <Form.Item label={t('obs.setup.native.item')} extra={t('obs.setup.native.itemHelp')}>
        <Flex gap={8}>
          <Select
            style={{ flex: 1, minWidth: 0 }}
            allowClear
            showSearch
            placeholder={t('obs.setup.native.itemScene')}
            value={item?.sceneName || undefined}
            onChange={(scene?: string) => setItem(scene, undefined)}
            options={options(scenes, item?.sceneName || undefined, missing)}
            data-testid="native-item-scene"
          />
          <Select
            style={{ flex: 1, minWidth: 0 }}
            allowClear
            showSearch
            placeholder={t('obs.setup.native.itemSource')}
            value={item?.sourceName || undefined}
            disabled={!item?.sceneName}
            onChange={(source?: string) => setItem(item?.sceneName, source)}
            options={options(mirror ? sceneItemNames(mirror, item?.sceneName) : [], item?.sourceName || undefined, missing)}
            data-testid="native-item-source"
          />
        </Flex>
      </Form.Item>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, margin: '4px 0 8px' }}>
        {t('obs.setup.native.fieldsHeader')}
      </Typography.Text>
      {fields.map((field) => {
        const want = fieldWants(field);
        const value = current.fields[field];
        const problem = value && mirror ? inputProblem(mirror, want, value) : null;
        return (
          <Form.Item
            key={field}
            label={fieldLabel(t, field)}
            style={{ marginBottom: 10 }}
            validateStatus={problem ? 'warning' : undefined}
            help={problem ? t(`obs.setup.native.${problem}`) : undefined}
          >
            <Select
              allowClear
              showSearch
              placeholder={t(want === 'image' ? 'obs.setup.native.pickImage' : 'obs.setup.native.pickText')}
              value={value}
              onChange={(input?: string) => setField(field, input)}
              options={options(mirror ? inputsFor(mirror, want) : [], value, missing)}
              data-testid="native-field"
              data-field={field}
              data-value={value ?? ''}
            />
          </Form.Item>
        );
      })}
    </Form>
  );
}
