/**
 * localStorage that never throws: private modes, full disks and disabled storage fall
 * back to memory for this page's life, so the app keeps working (it just forgets on reload).
 */
export interface KeyValueStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function memoryStore(): KeyValueStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  };
}

export function browserStore(): KeyValueStore {
  const fallback = memoryStore();
  let storage: Storage | undefined;
  try {
    storage = window.localStorage;
  } catch {
    storage = undefined;
  }
  return {
    get(key) {
      try {
        return storage?.getItem(key) ?? fallback.get(key);
      } catch {
        return fallback.get(key);
      }
    },
    set(key, value) {
      fallback.set(key, value);
      try {
        storage?.setItem(key, value);
      } catch {
        // Quota or privacy mode: the memory copy is what we have.
      }
    },
    remove(key) {
      fallback.remove(key);
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing else to do: the memory copy is gone.
      }
    },
  };
}

/** Where each piece is kept: per join code, so two talks on one phone never mix. */
export const STORAGE_KEYS = {
  participant: (joinCode: string) => `handsup:participant:${joinCode}`,
  pendingAnswers: (joinCode: string) => `handsup:pending:${joinCode}`,
  nickname: (joinCode: string) => `handsup:nickname:${joinCode}`,
  /** The last nickname typed anywhere: offered again in the next quiz talk. */
  lastNickname: 'handsup:nickname',
} as const;
