import { isAbsolute, resolve } from "node:path";

export type Env = Readonly<Record<string, string | undefined>>;

/** Parses durations like `12h`, `30m`, `7d`, `45s` or plain seconds. */
export function parseDuration(text: string): number | null {
  const m = /^(\d+)\s*(s|m|h|d)?$/i.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? "s").toLowerCase();
  const factor = unit === "d" ? 86_400 : unit === "h" ? 3_600 : unit === "m" ? 60 : 1;
  const seconds = n * factor;
  return seconds > 0 ? seconds : null;
}

/** Reads one environment, collecting every problem instead of stopping at the first. */
export class Reader {
  readonly problems: string[] = [];
  /** `root`: what relative paths are resolved against (the repo). */
  constructor(
    private readonly env: Env,
    private readonly root: string,
  ) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === "" ? undefined : v.trim();
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.problems.push(
        `${name}="${v}" must be a whole number from ${min} to ${max} (default ${fallback}).`,
      );
      return fallback;
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name)?.toLowerCase();
    if (v === undefined) return fallback;
    if (["1", "true", "yes", "on"].includes(v)) return true;
    if (["0", "false", "no", "off"].includes(v)) return false;
    this.problems.push(`${name}="${v}" must be true or false (default ${fallback}).`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.problems.push(`${name}="${v}" must be one of ${allowed.join(", ")} (default ${fallback}).`);
    return fallback;
  }

  /** Comma-separated host names (host or host:port, lowercased); each must look like one. */
  hosts(name: string): string[] {
    const v = this.raw(name);
    if (v === undefined) return [];
    const list = v
      .split(",")
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    const bad = list.filter((h) => !/^[a-z0-9.-]+(:\d{1,5})?$/.test(h));
    if (bad.length > 0) this.problems.push(`${name}: ${bad.join(", ")} must be host or host:port names.`);
    return list.filter((h) => !bad.includes(h));
  }

  path(name: string, fallback: string): string {
    const v = this.raw(name);
    if (v === undefined) return fallback;
    return isAbsolute(v) ? v : resolve(this.root, v);
  }
}
