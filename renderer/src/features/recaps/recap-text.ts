import type { TFunction } from 'i18next';
import type { MetricKey } from '../../../../electron/contract';
import type { ChartWords } from '../../../../electron/contract/recap-charts';
import { clockText, metricText, moneyShort } from '../../../../electron/contract/recap-format';
import type { Language } from '../../lib/prefs';

/** The chart words from the UI's i18n tables (the export builds the same from its own labels). */
export function chartWords(t: TFunction, lang: Language, zone: string): ChartWords {
  return {
    viewers: t('recaps.charts.viewers'),
    gmvPerMinute: t('recaps.charts.gmvPerMinute'),
    gmv: t('recaps.charts.gmv'),
    minutesOnAir: t('recaps.charts.minutesOnAir'),
    planned: t('recaps.charts.planned'),
    actual: t('recaps.charts.actual'),
    minutes: t('recaps.charts.minutes'),
    roles: t('recaps.roles', { returnObjects: true }) as Record<string, string>,
    funnel: t('recaps.funnel', { returnObjects: true }) as Record<string, string>,
    money: (v) => moneyShort(v, lang),
    clock: (at) => clockText(at, zone),
  };
}

/** A metric in the UI's language; '—' when it cannot be computed. */
export function metric(key: MetricKey, value: number | null | undefined, lang: Language, short = false): string {
  return metricText(key, value ?? null, lang, short);
}
