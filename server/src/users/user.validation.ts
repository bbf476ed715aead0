import { dictionary } from "@zxcvbn-ts/language-common";
import { badInput } from "../errors/app-errors.js";

// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability is not our concern.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASSWORD_MIN = 8;
// scrypt cost grows with input; cap it so sign-in cannot be used to burn CPU.
export const PASSWORD_MAX = 1_000;
export const NAME_MAX = 100;

let common: ReadonlySet<string> | null = null;

/**
 * Whether a password is on zxcvbn's list of the most used ones (about 18,000 of them long enough to
 * pass PASSWORD_MIN), compared case-insensitively. Built on first use.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    dictionary["passwords-common"].filter((p) => p.length >= PASSWORD_MIN).map((p) => p.toLowerCase()),
  );
  return common.has(password.toLowerCase());
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface SignUpFields {
  name: string;
  email: string;
  password: string;
}

/** Validates sign-up input, reporting every bad field at once in `extensions.fields`. */
export function validateSignUp(input: SignUpFields): SignUpFields {
  const name = input.name.trim();
  const email = normalizeEmail(input.email);
  const fields: Record<string, string> = {};
  if (name.length < 1 || name.length > NAME_MAX) fields.name = `Name must be 1 to ${NAME_MAX} characters.`;
  if (!EMAIL.test(email) || email.length > 254) fields.email = "Email must look like name@example.com.";
  if (input.password.length < PASSWORD_MIN)
    fields.password = `Password must be at least ${PASSWORD_MIN} characters.`;
  else if (input.password.length > PASSWORD_MAX)
    fields.password = `Password must be at most ${PASSWORD_MAX} characters.`;
  else if (input.password.trim() === "") fields.password = "Password must not be only spaces.";
  else if (isCommonPassword(input.password))
    fields.password = "This password is one of the most commonly used; choose another.";
  const bad = Object.keys(fields);
  if (bad.length > 0) throw badInput(`Invalid ${bad.join(", ")}: ${Object.values(fields).join(" ")}`, fields);
  return { name, email, password: input.password };
}

export const API_TOKEN_MAX_DAYS = 3650;

/** An API token's lifetime in whole days, 1 to 10 years; null or absent: it never expires. */
export function tokenExpiry(days: number | null | undefined, now = Date.now()): Date | null {
  if (days === null || days === undefined) return null;
  if (!Number.isInteger(days) || days < 1 || days > API_TOKEN_MAX_DAYS)
    throw badInput(`expiresInDays must be 1 to ${API_TOKEN_MAX_DAYS}.`, { expiresInDays: "out of range" });
  return new Date(now + days * 86_400_000);
}

export function validateTokenName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length < 1 || trimmed.length > NAME_MAX) {
    throw badInput(`Token name must be 1 to ${NAME_MAX} characters.`, { name: "1 to 100 characters" });
  }
  return trimmed;
}
