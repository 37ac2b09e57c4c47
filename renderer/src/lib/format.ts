import type { TFunction } from 'i18next';

/** Date and time in the UI language, e.g. `2026年11月3日 20:00` / `Nov 3, 2026, 8:00 PM`. */
export function formatDateTime(ms: number, lang: string): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** A planned length as hours and minutes: `2 h`, `1 h 30 min`, `45 min`. */
export function formatDuration(ms: number, t: TFunction): string {
  const totalMinutes = Math.round(ms / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return t('common.durationMinutes', { minutes });
  if (minutes === 0) return t('common.durationHours', { hours });
  return t('common.duration', { hours, minutes });
}
