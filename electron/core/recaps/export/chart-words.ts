import type { ExportLang } from '../../../contract';
import type { ChartWords } from '../../../contract/recap-charts';
import { clockText, moneyShort } from '../../../contract/recap-format';
import type { RecapLabels } from './labels';

/** The chart words of an exported recap (the app builds the same from its i18n tables). */
export function chartWords(l: RecapLabels, lang: ExportLang, zone: string): ChartWords {
  return {
    ...l.chart,
    roles: l.roles,
    funnel: l.funnel,
    money: (v) => moneyShort(v, lang),
    clock: (at) => clockText(at, zone),
  };
}
