import { badInput } from "../errors/app-errors.js";

/** Trims and checks a required text field: 1..max characters after trimming. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const text = (value ?? "").trim();
  if (text.length === 0) throw badInput(`${field} must not be empty.`, { [field]: "required" });
  if (text.length > max)
    throw badInput(`${field} must be at most ${max} characters.`, { [field]: `max ${max}` });
  return text;
}

/** Optional text: null/undefined stays null; otherwise trimmed and at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value == null) return null;
  const text = value.trim();
  if (text.length > max)
    throw badInput(`${field} must be at most ${max} characters.`, { [field]: `max ${max}` });
  return text.length === 0 ? null : text;
}

export function isDuplicateKey(e: unknown): boolean {
  const code = (e as { code?: number } | null)?.code;
  return code === 11000 || code === 11001;
}
