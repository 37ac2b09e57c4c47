import type { TFunction } from 'i18next';
import { isOverlayKind } from '../../../../electron/contract';
import obsSetupEn from '../../i18n/obs-setup.en';

type FieldKey = keyof typeof obsSetupEn.native.fields;
const FIELD_KEYS = new Set(Object.keys(obsSetupEn.native.fields));

/** An overlay field's name in the user's language; a field the UI does not know yet stays as is. */
export function fieldLabel(t: TFunction, field: string): string {
  return FIELD_KEYS.has(field) ? t(`obs.setup.native.fields.${field as FieldKey}`) : field;
}

/** An overlay kind's name in the user's language. */
export function kindLabel(t: TFunction, kind: string): string {
  return isOverlayKind(kind) ? t(`live.kinds.${kind}`) : kind;
}
