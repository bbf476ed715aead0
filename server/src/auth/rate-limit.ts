import { runtime } from "../core/runtime.js";
import { classifyDomainError, unauthenticated } from "../errors/app-errors.js";
import { LoginAttemptModel } from "./login-attempt.model.js";

interface Window {
  id: number;
  endsAt: Date;
}

function windowOf(now: number): Window {
  const ms = runtime().config.limits.signInWindowSeconds * 1000;
  const id = Math.floor(now / ms);
  return { id, endsAt: new Date((id + 1) * ms) };
}

const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));

/**
 * Increment-then-check: the counter after adding `by`, atomically, so parallel attempts each see a
 * different count (checking first and recording later let 81 of 100 parallel guesses through).
 */
async function bump(id: string, by: number, w: Window, now: number): Promise<{ count: number; since: Date }> {
  const update = {
    $inc: { count: by },
    $setOnInsert: { since: new Date(now), windowEndsAt: w.endsAt, expiresAt: w.endsAt },
  };
  const opts = { upsert: true, returnDocument: "after", projection: { count: 1, since: 1 } } as const;
  const once = async () => {
    const doc = await LoginAttemptModel.findOneAndUpdate({ _id: id }, update, opts).lean();
    if (!doc) throw new Error(`rate limit: upsert of ${id} returned no document`);
    return { count: doc.count, since: doc.since };
  };
  try {
    return await once();
  } catch (err) {
    // Two first attempts may both insert (MongoDB answers one with E11000): the retry updates.
    if (classifyDomainError(err) !== "duplicateKey") throw err;
    return once();
  }
}

async function refund(id: string): Promise<void> {
  await LoginAttemptModel.updateOne({ _id: id }, { $inc: { count: -1 } });
}

/**
 * When the n-th checked attempt of one (email, client address) may run, in ms after the first:
 * the first `free` at once, then each waits twice as long as the one before (by default 1 s, 2 s,
 * 4 s ...), at most `maxDelaySeconds` apart. A delay, never a lockout: the right password always gets in
 * once its turn comes, and an attacker elsewhere cannot spend the owner's attempts.
 */
export function scheduleMs(
  n: number,
  free: number,
  firstDelaySeconds: number,
  maxDelaySeconds: number,
): number {
  let total = 0;
  for (let i = 1; i <= n - free; i++)
    total += Math.min(firstDelaySeconds * 2 ** (i - 1), maxDelaySeconds) * 1000;
  return total;
}

export interface SignInTicket {
  /** After the password check: success clears the pair and gives the address its slot back. */
  succeeded(): Promise<void>;
}

/**
 * Takes a slot for one sign-in attempt before the password is checked, or refuses it
 * (UNAUTHENTICATED with `retryAfterSeconds`): per client address at most `signInMaxFailuresPerIp`
 * unsuccessful attempts per window; per (email, address) the progressive delay of `scheduleMs`.
 * Both counters live in the database, so they hold across server processes.
 */
export async function takeSignInSlot(email: string, ip: string | null): Promise<SignInTicket> {
  const { limits } = runtime().config;
  const now = Date.now();
  const w = windowOf(now);
  const ipKey = `ip:${ip ?? "unknown"}:${w.id}`;
  const pairKey = `pair:${email.toLowerCase()}|${ip ?? "unknown"}:${w.id}`;
  const byIp = await bump(ipKey, 1, w, now);
  if (byIp.count > limits.signInMaxFailuresPerIp) {
    await refund(ipKey);
    throw unauthenticated(
      `Too many failed sign-in attempts; retry in ${secondsUntil(w.endsAt.getTime(), now)}s.`,
      secondsUntil(w.endsAt.getTime(), now),
    );
  }
  const pair = await bump(pairKey, 1, w, now);
  const wait = scheduleMs(
    pair.count,
    limits.signInFreeFailures,
    limits.signInFirstDelaySeconds,
    limits.signInMaxDelaySeconds,
  );
  const at = pair.since.getTime() + wait;
  if (at > now) {
    await Promise.all([refund(pairKey), refund(ipKey)]);
    const retry = secondsUntil(at, now);
    throw unauthenticated(`Too many failed sign-in attempts; retry in ${retry}s.`, retry);
  }
  return {
    succeeded: async () => {
      await Promise.all([LoginAttemptModel.deleteOne({ _id: pairKey }), refund(ipKey)]);
    },
  };
}

/** signUp: at most `signUpMaxPerIp` accounts per client address per window (refused ones not counted). */
export async function takeSignUpSlot(ip: string | null): Promise<void> {
  const max = runtime().config.limits.signUpMaxPerIp;
  const now = Date.now();
  const w = windowOf(now);
  const key = `signup:${ip ?? "unknown"}:${w.id}`;
  const { count } = await bump(key, 1, w, now);
  if (count <= max) return;
  await refund(key);
  const retry = secondsUntil(w.endsAt.getTime(), now);
  throw unauthenticated(`Too many sign-ups from this address; retry in ${retry}s.`, retry);
}
