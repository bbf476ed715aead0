import { runtime } from "../core/runtime.js";
import { unauthenticated } from "../errors/app-errors.js";
import { LoginAttemptModel } from "./login-attempt.model.js";

interface Bucket {
  key: string;
  max: number;
}

function windowOf(now: number): { id: number; endsAt: Date } {
  const ms = runtime().config.limits.signInWindowSeconds * 1000;
  const id = Math.floor(now / ms);
  return { id, endsAt: new Date((id + 1) * ms) };
}

function buckets(email: string, ip: string | null): Bucket[] {
  const { limits } = runtime().config;
  const list: Bucket[] = [{ key: `email:${email.toLowerCase()}`, max: limits.signInMaxFailuresPerEmail }];
  if (ip) list.push({ key: `ip:${ip}`, max: limits.signInMaxFailuresPerIp });
  return list;
}

/**
 * Refuses a sign-in when the email or the IP has used up its failures in the current window.
 * Stays inside the closed vocabulary: UNAUTHENTICATED with `retryAfterSeconds`.
 */
export async function assertSignInAllowed(email: string, ip: string | null): Promise<void> {
  const now = Date.now();
  const w = windowOf(now);
  for (const b of buckets(email, ip)) {
    const doc = await LoginAttemptModel.findOne({ _id: `${b.key}:${w.id}` }, { count: 1 }).lean();
    if (doc && doc.count >= b.max) {
      const retry = Math.max(1, Math.ceil((w.endsAt.getTime() - now) / 1000));
      throw unauthenticated(`Too many failed sign-in attempts; retry in ${retry}s.`, retry);
    }
  }
}

export async function recordSignInFailure(email: string, ip: string | null): Promise<void> {
  const w = windowOf(Date.now());
  await Promise.all(
    buckets(email, ip).map((b) =>
      LoginAttemptModel.updateOne(
        { _id: `${b.key}:${w.id}` },
        { $inc: { count: 1 }, $setOnInsert: { windowEndsAt: w.endsAt, expiresAt: w.endsAt } },
        { upsert: true },
      ),
    ),
  );
}

/** A successful sign-in clears the email's counter (not the IP's: one account does not vouch for others). */
export async function clearSignInFailures(email: string): Promise<void> {
  const w = windowOf(Date.now());
  await LoginAttemptModel.deleteOne({ _id: `email:${email.toLowerCase()}:${w.id}` });
}
