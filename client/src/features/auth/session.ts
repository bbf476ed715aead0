/**
 * The signed-in session: the bearer token in localStorage plus a one-shot notice for the sign-in screen
 * ("Your session expired"). A tiny external store so links (outside React) and components share it.
 */
const TOKEN_KEY = "greenlight.token";
const NOTICE_KEY = "greenlight.notice";

type Listener = () => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function getToken(): string | null {
  return storage()?.getItem(TOKEN_KEY) ?? null;
}

export function setToken(token: string | null): void {
  const s = storage();
  if (token) s?.setItem(TOKEN_KEY, token);
  else s?.removeItem(TOKEN_KEY);
  for (const l of listeners) l();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Ends the session because the server no longer accepts the token; the sign-in page shows why. */
export function expireSession(): void {
  if (!getToken()) return;
  // sessionStorage so the notice survives the redirect but not a new tab.
  window.sessionStorage.setItem(NOTICE_KEY, "Your session expired. Please sign in again.");
  setToken(null);
}

export function takeSessionNotice(): string | null {
  const notice = window.sessionStorage.getItem(NOTICE_KEY);
  if (notice) window.sessionStorage.removeItem(NOTICE_KEY);
  return notice;
}
