/**
 * Whether this browser is signed in, plus a one-shot notice for the sign-in screen ("Your session
 * expired"). The session itself is an httpOnly cookie the page cannot read (so an injected script
 * cannot carry it away); what is kept here is only the signed-in user's id, a hint that decides
 * between the app and the sign-in page. The server is the judge: the first UNAUTHENTICATED answer
 * clears the hint. A tiny external store so links (outside React) and components share it.
 */
const SESSION_KEY = "greenlight.session";
/** Where earlier versions kept the bearer token itself: removed on load. */
const LEGACY_TOKEN_KEY = "greenlight.token";
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
storage()?.removeItem(LEGACY_TOKEN_KEY);

/** The signed-in user's id, or null. */
export function getSession(): string | null {
  return storage()?.getItem(SESSION_KEY) ?? null;
}

export function setSession(userId: string | null): void {
  const s = storage();
  if (userId) s?.setItem(SESSION_KEY, userId);
  else s?.removeItem(SESSION_KEY);
  for (const l of listeners) l();
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Leaves the app for the sign-in page, which shows `notice` once. */
export function endSession(notice: string): void {
  // sessionStorage so the notice survives the redirect but not a new tab.
  window.sessionStorage.setItem(NOTICE_KEY, notice);
  setSession(null);
}

/** Ends the session because the server no longer accepts it; the sign-in page shows why. */
export function expireSession(): void {
  if (!getSession()) return;
  endSession("Your session expired. Please sign in again.");
}

export function takeSessionNotice(): string | null {
  const notice = window.sessionStorage.getItem(NOTICE_KEY);
  if (notice) window.sessionStorage.removeItem(NOTICE_KEY);
  return notice;
}
