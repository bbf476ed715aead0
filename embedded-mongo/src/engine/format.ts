import type { Document } from "bson";
import { isPlainObject, typeRank } from "./bson-order.js";

/** Render a value the way MongoDB prints keys in error messages (`{ email: "a@b.c" }`). */
export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (Array.isArray(v)) return `[ ${v.map(formatValue).join(", ")} ]`;
  if (isPlainObject(v)) return formatDoc(v);
  const tag = (v as { _bsontype?: string })._bsontype;
  if (tag === "ObjectId") return `ObjectId('${String(v)}')`;
  if (typeRank(v) === 3) return String(v);
  return String(v);
}

export function formatDoc(d: Document): string {
  const parts = Object.keys(d).map((k) => `${k}: ${formatValue(d[k])}`);
  return parts.length ? `{ ${parts.join(", ")} }` : "{}";
}
