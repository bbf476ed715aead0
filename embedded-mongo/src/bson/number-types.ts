import { type Document, Double, Long } from "bson";

/**
 * BSON numbers in stored documents keep their type, as MongoDB keeps it: bson's default promotion
 * turns int32, double and int64 into JS numbers, and serializing a number picks int32 for any
 * integral value, so a stored `1.0` or `Long(1)` came back as int32. Documents are therefore
 * decoded without promotion (`TYPED_READ`) and then `keepNumberTypes` turns only the values a JS
 * number already round-trips exactly back into numbers (every int32, every non-integral double).
 * An integral double stays a `Double`, every int64 a `Long`. Command arguments keep bson's
 * promoted form (`promoteNumbers`), which the command layer reads.
 */

export const TYPED_READ = { promoteValues: false } as const;

type Tagged = { _bsontype?: unknown; value?: unknown };

/** True when serializing the plain number `n` would give the same BSON double back. */
function doubleAsNumber(n: number): boolean {
  return !Number.isInteger(n) || Object.is(n, -0) || n > 2147483647 || n < -2147483648;
}

function keepValue(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = keepValue(v[i]);
    return v;
  }
  switch ((v as Tagged)._bsontype) {
    case undefined:
      return keepNumberTypes(v as Document);
    case "Int32":
      return (v as { value: number }).value;
    case "Double": {
      const n = (v as Double).value;
      return doubleAsNumber(n) ? n : v;
    }
    default:
      return v;
  }
}

/** In place: a document decoded with `TYPED_READ` gets the store's in-memory number form. */
export function keepNumberTypes(doc: Document): Document {
  if (doc instanceof Date || doc instanceof RegExp) return doc;
  for (const k of Object.keys(doc)) doc[k] = keepValue(doc[k]);
  return doc;
}

const MAX_SAFE = Long.fromNumber(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = Long.fromNumber(Number.MIN_SAFE_INTEGER);

function promoteValue(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = promoteValue(v[i]);
    return v;
  }
  switch ((v as Tagged)._bsontype) {
    case undefined:
      if (v instanceof Date || v instanceof RegExp) return v;
      for (const k of Object.keys(v)) (v as Document)[k] = promoteValue((v as Document)[k]);
      return v;
    case "Int32":
    case "Double":
      return (v as { value: number }).value;
    case "Long": {
      // bson's promoteLongs: only when the value fits a double exactly.
      const l = v as Long;
      return l.lessThanOrEqual(MAX_SAFE) && l.greaterThanOrEqual(MIN_SAFE) ? l.toNumber() : l;
    }
    default:
      return v;
  }
}

/** In place: the form bson's default promotion would have given (for command arguments). */
export function promoteNumbers<T>(v: T): T {
  return promoteValue(v) as T;
}

/** A number value of the given BSON type, in the store's in-memory form. */
export function numberOfType(n: number, type: "int" | "long" | "double"): unknown {
  if (type === "double") return doubleAsNumber(n) ? n : new Double(n);
  if (type === "long") return Long.fromNumber(n);
  return n;
}

/** Stored-data fields of a write command, by command name: only these keep their number types. */
function typeCommandField(cmd: string, field: string, v: unknown): unknown {
  if (cmd === "insert" && field === "documents") return keepValue(v);
  if ((cmd === "findAndModify" || cmd === "findandmodify") && field === "update") return keepValue(v);
  if (cmd === "update" && field === "updates" && Array.isArray(v)) {
    for (const u of v) {
      if (typeof u !== "object" || u === null || Array.isArray(u)) promoteValue(u);
      else for (const k of Object.keys(u)) u[k] = k === "u" ? keepValue(u[k]) : promoteValue(u[k]);
    }
    return v;
  }
  return promoteValue(v);
}

/** In place: a command body decoded with `TYPED_READ` (sequences merged) in the store's form. */
export function typeCommand(body: Document): Document {
  const cmd = Object.keys(body)[0] ?? "";
  for (const k of Object.keys(body)) body[k] = typeCommandField(cmd, k, body[k]);
  return body;
}

function isNumberWrapper(v: unknown): boolean {
  const t = typeof v === "object" && v !== null ? (v as Tagged)._bsontype : undefined;
  return t === "Double" || t === "Long" || t === "Int32";
}

/**
 * A copy-on-write view of `v` with Double/Long wrappers as JS numbers (a Long beyond 2^53 stays):
 * what mingo, which only does arithmetic and comparison on JS numbers, is given. Returns `v`
 * itself when nothing inside needed changing, so stored documents are never mutated.
 */
export function promotedCopy<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  if (isNumberWrapper(v)) return promoteValue(v) as T;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const n = promotedCopy(v[i]);
      if (n === v[i]) continue;
      out ??= [...v];
      out[i] = n;
    }
    return (out ?? v) as T;
  }
  if ((v as Tagged)._bsontype !== undefined || v instanceof Date || v instanceof RegExp) return v;
  let out: Document | undefined;
  for (const k of Object.keys(v)) {
    const n = promotedCopy((v as Document)[k]);
    if (n === (v as Document)[k]) continue;
    out ??= { ...(v as Document) };
    out[k] = n;
  }
  return (out ?? v) as T;
}

/**
 * After mingo computed `after` from a promoted copy of `before`: a value left equal to the one it
 * came from gets its BSON number type back, so fields a pipeline update did not change keep it.
 */
export function restoreNumberTypes(before: unknown, after: unknown): unknown {
  if (isNumberWrapper(before))
    return typeof after === "number" && after === Number((before as { valueOf(): unknown }).valueOf())
      ? before
      : after;
  if (typeof before !== "object" || before === null || typeof after !== "object" || after === null)
    return after;
  if (Array.isArray(before) !== Array.isArray(after)) return after;
  if ((after as Tagged)._bsontype !== undefined || after instanceof Date) return after;
  const a = after as Document;
  for (const k of Object.keys(a)) {
    if (k in (before as Document)) a[k] = restoreNumberTypes((before as Document)[k], a[k]);
  }
  return after;
}
