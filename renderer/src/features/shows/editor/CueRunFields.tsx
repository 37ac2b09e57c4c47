import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AUTO_FOLLOW, type AutoFollow, type Cue } from '../../../../../electron/contract';

/**
 * How the cue runs on show day: auto-follow (hand over to the next cue by itself when the
 * planned time is up or the countdown ends, after a visible auto-GO) and the platform checklist
 * (what the 场控 must do in the platform's own console at this cue).
 */
export function CueRunFields({ cue, change }: { cue: Cue; change(patch: Record<string, unknown>): void }) {
  const { t } = useTranslation();
  const hasCountdown = cue.kind === 'flash_sale' || cue.kind === 'giveaway';
  return (
    <>
      <Form.Item label={t('plan.run.autoFollow')} extra={t('plan.run.autoFollowHelp')}>
        <Select<AutoFollow>
          value={cue.autoFollow}
          onChange={(autoFollow) => change({ autoFollow })}
          options={AUTO_FOLLOW.filter((f) => f !== 'countdown' || hasCountdown).map((f) => ({ value: f, label: t(`plan.run.follow.${f}`) }))}
          data-testid="field-autoFollow"
        />
      </Form.Item>
      <Form.Item label={t('plan.run.checklist')} extra={t('plan.run.checklistHelp')}>
        <Select
          mode="tags"
          value={cue.checklist}
          maxCount={12}
          tokenSeparators={['\n']}
          open={false}
          suffixIcon={null}
          onChange={(items: string[]) => change({ checklist: items.map((i) => i.trim().slice(0, 120)).filter(Boolean) })}
          placeholder={t('plan.run.checklistPlaceholder')}
          data-testid="field-checklist"
        />
      </Form.Item>
    </>
  );
}
