import { useEffect, useRef, useState } from "react";
import { api } from "../../app/api";

const PREFIX = "sekimori.draft.";

export type StoredDraft<T> = { payload: T; savedAt: string };

/** Reads a draft: this browser's copy first (it survives a logout), else the server's. */
export async function loadDraft<T>(key: string): Promise<StoredDraft<T> | null> {
  const local = localStorage.getItem(PREFIX + key);
  let best: StoredDraft<T> | null = null;
  if (local) {
    try {
      best = JSON.parse(local) as StoredDraft<T>;
    } catch {
      best = null;
    }
  }
  try {
    const server = await api.get<{ payload: T; savedAt: string }>(`/api/reviews/drafts/${key}`);
    if (!best || server.savedAt > best.savedAt) best = { payload: server.payload, savedAt: server.savedAt };
  } catch {
    // No server copy (or offline): the local one is all there is.
  }
  return best;
}

/** Forgets a draft once the form has been saved for real. */
export async function discardDraft(key: string): Promise<void> {
  localStorage.removeItem(PREFIX + key);
  await api.delete(`/api/reviews/drafts/${key}`).catch(() => undefined);
}

/**
 * Autosaves a form while it is edited: to this browser at once (so an expired session loses
 * nothing — the copy is still here after logging in again) and to the server every few seconds (so
 * another browser can pick it up). Returns when it was last saved.
 */
export function useAutosave<T>(key: string | null, values: T, dirty: boolean): string | null {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const last = useRef<string>("");
  useEffect(() => {
    if (!key || !dirty) return;
    const text = JSON.stringify(values);
    if (text === last.current) return;
    const at = new Date().toISOString();
    localStorage.setItem(PREFIX + key, JSON.stringify({ payload: values, savedAt: at }));
    const timer = setTimeout(() => {
      last.current = text;
      api
        .put(`/api/reviews/drafts/${key}`, { payload: values as Record<string, unknown> })
        .then(() => setSavedAt(new Date().toISOString()))
        .catch(() => setSavedAt(at));
    }, 1500);
    return () => clearTimeout(timer);
  }, [key, values, dirty]);
  return savedAt;
}
