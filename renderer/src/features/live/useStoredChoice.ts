import { useState } from 'react';

/** A choice of this window remembered in localStorage (preview canvas, backdrop); unknown values read as the fallback. */
export function useStoredChoice<T extends string>(key: string, allowed: readonly T[], fallback: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = localStorage.getItem(key);
      return allowed.includes(stored as T) ? (stored as T) : fallback;
    } catch {
      return fallback;
    }
  });
  const set = (next: T) => {
    setValue(next);
    try {
      localStorage.setItem(key, next);
    } catch {
      // Storage unavailable: the choice lasts for this session.
    }
  };
  return [value, set];
}
