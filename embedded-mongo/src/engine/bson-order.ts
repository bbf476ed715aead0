import type { Document } from "bson";

/**
 * MongoDB's cross-type ordering and equality for BSON values as the driver deserializes them
 * (plain JS numbers/strings/Dates plus bson classes tagged with `_bsontype`).
 */

type Tagged = { _bsontype: string };

function tagOf(v: unknown): string | undefined {
  return typeof v === "object" && v !== null && "_bsontype" in v ? (v as Tagged)._bsontype : undefined;
}

/** Canonical BSON type brackets: values of different brackets compare by bracket. */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 2;
  switch (typeof v) {
    case "number":
    case "bigint":
      return 3;
    case "string":
      return 4;
    case "boolean":
      return 9;
    case "object":
      break;
    default:
      return 4;
  }
  if (v instanceof Date) return 10;
  if (Array.isArray(v)) return 6;
  if (v instanceof RegExp) return 12;
  switch (tagOf(v)) {
    case undefined:
      return 5;
    case "MinKey":
      return 1;
    case "MaxKey":
      return 14;
    case "Long":
    case "Int32":
    case "Double":
    case "Decimal128":
      return 3;
    case "BSONSymbol":
      return 4;
    case "Binary":
      return 7;
    case "ObjectId":
      return 8;
    case "Timestamp":
      return 11;
    case "BSONRegExp":
      return 12;
    default:
      return 5;
  }
}

/** Numeric value of any BSON number (Decimal128 approximated as a double). */
export function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  const t = v as { toNumber?: () => number; valueOf(): unknown; toString(): string };
  if (tagOf(v) === "Decimal128") return Number.parseFloat(t.toString());
  if (typeof t.toNumber === "function") return t.toNumber();
  return Number(t.valueOf());
}

function cmpPrim(a: number | string, b: number | string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

/** How strings compare: binary by default, or a collation's comparator. */
export type StringCompare = (a: string, b: string) => number;

/**
 * Total order over BSON values following MongoDB's comparison/sort order; `str` replaces the
 * binary string order (a collation applies to strings at any depth, as in MongoDB).
 */
export function compareValues(a: unknown, b: unknown, str?: StringCompare): number {
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra - rb;
  switch (ra) {
    case 3: {
      const x = toNumber(a);
      const y = toNumber(b);
      if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
      if (Number.isNaN(y)) return 1;
      return cmpPrim(x, y);
    }
    case 4:
      return str ? str(String(a), String(b)) : cmpPrim(String(a), String(b));
    case 5:
      return compareObjects(a as Document, b as Document, str);
    case 6:
      return compareArrays(a as unknown[], b as unknown[], str);
    case 7: {
      const x = a as { sub_type: number; buffer: Uint8Array };
      const y = b as { sub_type: number; buffer: Uint8Array };
      if (x.buffer.length !== y.buffer.length) return x.buffer.length - y.buffer.length;
      if (x.sub_type !== y.sub_type) return x.sub_type - y.sub_type;
      return compareBytes(x.buffer, y.buffer);
    }
    case 8:
      // Byte order equals hex order, without allocating two strings per comparison.
      return compareBytes((a as { id: Uint8Array }).id, (b as { id: Uint8Array }).id);
    case 9:
      return Number(a) - Number(b);
    case 10:
      return cmpPrim((a as Date).getTime(), (b as Date).getTime());
    case 11: {
      const x = a as { t: number; i: number };
      const y = b as { t: number; i: number };
      return x.t !== y.t ? x.t - y.t : x.i - y.i;
    }
    case 12:
      return cmpPrim(String(a), String(b));
    default:
      return 0;
  }
}

function compareObjects(a: Document, b: Document, str?: StringCompare): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const x = a[ka[i] as string];
    const y = b[kb[i] as string];
    const r = typeRank(x) - typeRank(y);
    if (r !== 0) return r;
    const k = cmpPrim(ka[i] as string, kb[i] as string);
    if (k !== 0) return k;
    const c = compareValues(x, y, str);
    if (c !== 0) return c;
  }
  return ka.length - kb.length;
}

function compareArrays(a: unknown[], b: unknown[], str?: StringCompare): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i], str);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Equality as MongoDB's `$eq` sees it between two concrete values (1 == 1.0 == Long(1)). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  return compareValues(a, b) === 0;
}

/**
 * A string identifying a value up to MongoDB equality: used as Map key for `_id` and for
 * hash lookups. Numbers of any BSON type with the same value share a key.
 */
export function canonicalKey(v: unknown): string {
  switch (typeRank(v)) {
    case 1:
      return "<";
    case 2:
      return "z";
    case 3:
      return `n${toNumber(v)}`;
    case 4:
      return `s${String(v)}`;
    case 5: {
      let s = "{";
      for (const k of Object.keys(v as Document))
        s += `${JSON.stringify(k)}:${canonicalKey((v as Document)[k])},`;
      return `${s}}`;
    }
    case 6:
      return `[${(v as unknown[]).map(canonicalKey).join(",")}]`;
    case 7: {
      const x = v as { sub_type: number; buffer: Uint8Array };
      return `x${x.sub_type}:${Buffer.from(x.buffer).toString("base64")}`;
    }
    case 8:
      return `o${String(v)}`;
    case 9:
      return v ? "t" : "f";
    case 10:
      return `d${(v as Date).getTime()}`;
    case 11:
      return `T${String(v)}`;
    case 12:
      return `r${String(v)}`;
    default:
      return ">";
  }
}

/** True for plain sub-documents (not arrays, Dates or bson classes). */
export function isPlainObject(v: unknown): v is Document {
  return typeRank(v) === 5;
}

/**
 * Deep copy that keeps bson class instances (immutable in practice) and copies containers and
 * Dates, so callers can never mutate a stored document.
 */
export function cloneValue<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (tagOf(v) !== undefined || v instanceof RegExp) return v;
  const out: Document = {};
  for (const k of Object.keys(v)) out[k] = cloneValue((v as Document)[k]);
  return out as T;
}
