import { useEffect, useRef, useState } from "react";
import { api } from "../../app/api";

const PREFIX = "sekimori.draft.";
/** Drafts in this browser are kept per user, so a shared PC never shows one person's input to another. */
const localKey = (userId: string, key: string) => `${PREFIX}${userId}.${key}`;

export type StoredDraft<T> = { payload: T; savedAt: string };

/** Reads a draft: this browser's copy first (it survives a logout), else the server's. */
export async function loadDraft<T>(userId: string, key: string): Promise<StoredDraft<T> | null> {
  const local = localStorage.getItem(localKey(userId, key));
  let best: StoredDraft<T> | null = null;
  if (local) {
    try {
      best = JSON.parse(local) as StoredDraft<T>;
    } catch {
      best = null;
    }
  }
  try {
    // Ask for the list first: a missing draft is normal and should not show up as a failed request.
    const list = await api.get<{ items: { key: string; savedAt: string }[] }>("/api/reviews/drafts");
    const entry = list.items.find((d) => d.key === key);
    if (!entry || (best && best.savedAt >= entry.savedAt)) return best;
    const server = await api.get<{ payload: T; savedAt: string }>(`/api/reviews/drafts/${key}`);
    if (!best || server.savedAt > best.savedAt) best = { payload: server.payload, savedAt: server.savedAt };
  } catch {
    // No server copy (or offline): the local one is all there is.
  }
  return best;
}

/** Forgets a draft once the form has been saved for real. */
export async function discardDraft(userId: string, key: string): Promise<void> {
  localStorage.removeItem(localKey(userId, key));
  await api.delete(`/api/reviews/drafts/${key}`).catch(() => undefined);
}

/**
 * Autosaves a form while it is edited: to this browser at once (so an expired session loses
 * nothing — the copy is still here after logging in again) and to the server every few seconds (so
 * another browser can pick it up). Returns when it was last saved.
 */
export function useAutosave<T>(userId: string, key: string | null, values: T, dirty: boolean): string | null {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const last = useRef<string>("");
  useEffect(() => {
    if (!key || !dirty) return;
    const text = JSON.stringify(values);
    if (text === last.current) return;
    const at = new Date().toISOString();
    localStorage.setItem(localKey(userId, key), JSON.stringify({ payload: values, savedAt: at }));
    const timer = setTimeout(() => {
      last.current = text;
      api
        .put(`/api/reviews/drafts/${key}`, { payload: values as Record<string, unknown> })
        .then(() => setSavedAt(new Date().toISOString()))
        .catch(() => setSavedAt(at));
    }, 1500);
    return () => clearTimeout(timer);
  }, [userId, key, values, dirty]);
  return savedAt;
}
