import { InputNumber, Space } from 'antd';
import { useTranslation } from 'react-i18next';

/** A duration as minutes and seconds, the way producers count a run-of-show. Value in ms. */
export function DurationInput({ value, onChange, testId }: { value: number; onChange(ms: number): void; testId?: string }) {
  const { t } = useTranslation();
  const totalSec = Math.round(value / 1000);
  const min = Math.floor(totalSec / 60);
  const sec = totalSec % 60;
  const set = (m: number | null, s: number | null) => onChange(Math.max(0, ((m ?? 0) * 60 + (s ?? 0)) * 1000));
  return (
    <Space.Compact>
      <InputNumber min={0} max={360} value={min} onChange={(m) => set(m, sec)} suffix={t('plan.minutesShort')} style={{ width: 110 }} data-testid={testId ? `${testId}-min` : undefined} />
      <InputNumber min={0} max={59} value={sec} onChange={(s) => set(min, s)} suffix={t('plan.secondsShort')} style={{ width: 100 }} data-testid={testId ? `${testId}-sec` : undefined} />
    </Space.Compact>
  );
}
