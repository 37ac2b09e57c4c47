import type { TFunction } from 'i18next';
import type { RecapImportPreview, RecapKind } from '../../../../../electron/contract';

/**
 * The recap import explains refused rows in English sentences of a known shape (see
 * electron/core/recaps/import/cells.ts and values.ts); these put them in the user's language. A
 * reason of an unknown shape is shown as the server wrote it, so nothing is ever hidden.
 */
const REASONS: [RegExp, string, string[]][] = [
  [/^(.+) is empty$/, 'empty', ['field']],
  [/^(.+): "(.*)" is not a number$/, 'notNumber', ['field', 'value']],
  [/^(.+): "(.*)" is negative$/, 'negative', ['field', 'value']],
  [/^(.+): "(.*)" is not a duration$/, 'notDuration', ['field', 'value']],
  [/^(.+): "(.*)" is not a time$/, 'notTime', ['field', 'value']],
  [/^(.+): "(.*)" is a long number Excel rounded/, 'excelId', ['field', 'value']],
  [/^"(.*)" is a long number Excel rounded/, 'excelId', ['value']],
  [/^"(.*)" is a total line, not a record$/, 'totalLine', ['value']],
  [/^The row names no product/, 'noName', []],
  [/^The row has no views, viewers or GMV$/, 'noTraffic', []],
  [/^The row has no figures$/, 'noFigures', []],
  [/^None of the row's figures could be read$/, 'unreadable', []],
  [/^(\d+) cell\(s\) of "(.+)" could not be read and were left empty \((.*)\)\.$/, 'dropped', ['count', 'field', 'first']],
];

export function reasonText(reason: string, t: TFunction): string {
  for (const [re, key, names] of REASONS) {
    const m = re.exec(reason);
    if (!m) continue;
    const vars = Object.fromEntries(names.map((n, i) => [n, m[i + 1]]));
    return t(`recaps.import.reasons.${key as 'empty'}`, vars);
  }
  return reason;
}

/** A field's name; `impressions` of a show is the room's exposure, of a product the product's. */
export function fieldLabel(t: TFunction, kind: RecapKind, field: string): string {
  if (kind === 'totals' && field === 'impressions') return t('recaps.import.roomImpressions');
  return t(`recaps.import.fields.${field as 'gmv'}`);
}

/** The platform layout a header matched, in words. */
export function presetLabel(t: TFunction, preset: string): string {
  return t(`recaps.import.presets.${preset as 'douyin-products'}`, { defaultValue: preset });
}

/** Why a file does not fit yet, in the user's language. */
export function problemText(p: RecapImportPreview['problems'][number], t: TFunction, preview: Pick<RecapImportPreview, 'kind' | 'totalRows'>): string {
  switch (p.code) {
    case 'missing_columns':
      return t('recaps.import.missing', {
        fields: (p.fields ?? []).map((group) => group.split('|').map((f) => fieldLabel(t, preview.kind, f)).join(t('recaps.import.or'))).join('、'),
      });
    case 'no_rows':
      return preview.totalRows === 0 ? t('recaps.import.emptyFile') : t('recaps.import.noRows');
    case 'pick_row':
      return t('recaps.import.pickRow');
  }
}
