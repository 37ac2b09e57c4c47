import { createContext, useContext } from 'react';
import type { CueKind, Host, PlanWarning, Product, Schedule } from '../../../../../electron/contract';
import type { Language } from '../../../lib/prefs';
import type { PlanHistory } from './usePlanHistory';

/** What every part of the editor reads: the plan and its edits, facts about it, lookups. */
export interface EditorValue {
  history: PlanHistory;
  schedule: Schedule;
  /** Cue id → its index in the rundown (for the schedule's offsets). */
  index: ReadonlyMap<string, number>;
  warnings: ReadonlyMap<string, PlanWarning[]>;
  products: ReadonlyMap<string, Product>;
  rememberProducts(products: Product[]): void;
  hosts: ReadonlyMap<string, Host>;
  lang: Language;
  /** Opens the cue drawer. */
  editCue(id: string): void;
  addCue(kind: CueKind, segmentId?: string): void;
  /** Opens the catalog picker; the products become pitches at the end of this segment. */
  addProductsTo(segmentId: string): void;
}

const EditorContext = createContext<EditorValue | null>(null);
export const EditorProvider = EditorContext.Provider;

export function useEditor(): EditorValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the show editor');
  return value;
}

/** Tag colours per cue kind; the same in light and dark themes. */
export const KIND_COLORS: Record<CueKind, string> = {
  pitch: 'magenta',
  flash_sale: 'red',
  giveaway: 'gold',
  interaction: 'cyan',
  break: 'default',
  generic: 'geekblue',
};
