import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Recap } from '../../../../../electron/contract';
import { metricText } from '../../../../../electron/contract/recap-format';
import type { Language } from '../../../lib/prefs';

/** Figures that disagree or are missing, said plainly above the numbers (never hidden). */
export function FlagsAlert({ recap, lang }: { recap: Recap; lang: Language }) {
  const { t } = useTranslation();
  const flags = recap.flags.filter((f) => f.code !== 'no_run');
  if (flags.length === 0) return null;
  const value = (code: string, v: number | undefined) => (v === undefined ? '' : code === 'gmv_mismatch' ? metricText('gmv', v, lang) : v.toLocaleString('en-US'));
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('recaps.flagsTitle')}
      data-testid="recap-flags"
      description={flags.map((f) => (
        <div key={f.code} data-flag={f.code}>
          {t(`recaps.flags.${f.code}`, { totals: value(f.code, f.values.totals), products: value(f.code, f.values.products), rows: f.values.rows ?? 0 })}
        </div>
      ))}
    />
  );
}
