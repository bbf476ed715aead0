// Matching of expected values against actual ones, per the unified test format's "Evaluating Matches":
// root-level documents may carry extra fields, nested ones may not; numbers compare by value
// across int/long/double; `$$`-operators ($$exists, $$type, $$unsetOrMatches, …) are evaluated here.
import { Binary, type Document, Long } from "bson";

export class MatchError extends Error {}

/** Resolves entity names for $$matchesEntity / $$sessionLsid. */
export interface EntityLookup {
  value(name: string): unknown;
  sessionLsid(name: string): unknown;
}

const NUMERIC = new Set(["Int32", "Double", "Long"]);

function bsonType(v: unknown): string | undefined {
  return v !== null && typeof v === "object" ? (v as { _bsontype?: string })._bsontype : undefined;
}

export function isNumeric(v: unknown): boolean {
  return typeof v === "number" || typeof v === "bigint" || NUMERIC.has(bsonType(v) ?? "");
}

export function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "bigint") return Number(v);
  if (Long.isLong(v)) return v.toNumber();
  return (v as { valueOf(): number }).valueOf();
}

/** A plain document (not an array, a BSON value class, a Date, a RegExp or a Buffer). */
export function isDocument(v: unknown): v is Document {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  if (bsonType(v) !== undefined) return false;
  return !(v instanceof Date || v instanceof RegExp || v instanceof Uint8Array);
}

function operatorOf(v: unknown): string | undefined {
  if (!isDocument(v)) return undefined;
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0]?.startsWith("$$") ? keys[0] : undefined;
}

const TYPE_TESTS: Record<string, (v: unknown) => boolean> = {
  double: (v) => (typeof v === "number" && !Number.isNaN(v)) || bsonType(v) === "Double",
  string: (v) => typeof v === "string",
  object: (v) => isDocument(v),
  array: (v) => Array.isArray(v),
  binData: (v) => bsonType(v) === "Binary" || v instanceof Uint8Array,
  undefined: (v) => v === undefined,
  objectId: (v) => bsonType(v) === "ObjectId",
  bool: (v) => typeof v === "boolean",
  date: (v) => v instanceof Date,
  null: (v) => v === null,
  regex: (v) => v instanceof RegExp || bsonType(v) === "BSONRegExp",
  dbPointer: (v) => bsonType(v) === "DBPointer",
  javascript: (v) => bsonType(v) === "Code" && (v as { scope?: unknown }).scope == null,
  javascriptWithScope: (v) => bsonType(v) === "Code" && (v as { scope?: unknown }).scope != null,
  symbol: (v) => bsonType(v) === "BSONSymbol",
  // The driver promotes int32 and (safe) int64 to JS numbers: integral numbers stand for both.
  int: (v) => (typeof v === "number" && Number.isInteger(v)) || bsonType(v) === "Int32",
  long: (v) => (typeof v === "number" && Number.isInteger(v)) || Long.isLong(v) || typeof v === "bigint",
  timestamp: (v) => bsonType(v) === "Timestamp",
  decimal: (v) => bsonType(v) === "Decimal128",
  minKey: (v) => bsonType(v) === "MinKey",
  maxKey: (v) => bsonType(v) === "MaxKey",
  number: (v) => isNumeric(v) || bsonType(v) === "Decimal128",
};

export function typeMatches(types: unknown, actual: unknown): boolean {
  const list = (Array.isArray(types) ? types : [types]) as string[];
  return list.some((t) => {
    const test = TYPE_TESTS[t];
    if (!test) throw new MatchError(`unknown $$type ${t}`);
    return test(actual);
  });
}

function fail(path: string, msg: string): never {
  throw new MatchError(`${path || "(root)"}: ${msg}`);
}

function show(v: unknown): string {
  try {
    const s = JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));
    return s === undefined ? String(v) : s.slice(0, 300);
  } catch {
    return String(v);
  }
}

export interface MatchOptions {
  /** Allow extra fields in the top-level document (the spec's root-level rule). */
  root: boolean;
  entities?: EntityLookup;
}

/** Throws MatchError describing the first difference. */
export function assertMatches(expected: unknown, actualIn: unknown, opts: MatchOptions, path = ""): void {
  // The driver keeps sort specs as Maps in the commands it monitors.
  const actual = actualIn instanceof Map ? Object.fromEntries(actualIn) : actualIn;
  const op = operatorOf(expected);
  if (op) {
    matchOperator(op, (expected as Document)[op], actual, opts, path);
    return;
  }
  if (isDocument(expected)) {
    matchDocument(expected, actual, opts, path);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) fail(path, `expected an array, got ${show(actual)}`);
    if (actual.length !== expected.length)
      fail(path, `expected ${expected.length} elements, got ${actual.length}: ${show(actual)}`);
    // Documents of a root-level array (a find's result) are root-level too, as in the drivers' runners.
    expected.forEach((e, i) => {
      assertMatches(e, actual[i], opts, `${path}[${i}]`);
    });
    return;
  }
  if (!valuesEqual(expected, actual)) fail(path, `expected ${show(expected)}, got ${show(actual)}`);
}

function matchDocument(expected: Document, actual: unknown, opts: MatchOptions, path: string): void {
  if (actual === null || typeof actual !== "object" || Array.isArray(actual))
    fail(path, `expected a document, got ${show(actual)}`);
  const doc = actual as Document;
  for (const [key, value] of Object.entries(expected)) {
    const sub = path ? `${path}.${key}` : key;
    const op = operatorOf(value);
    const present = key in doc && doc[key] !== undefined;
    if (op === "$$exists") {
      if (Boolean(value[op]) !== present)
        fail(sub, value[op] ? "expected to exist" : "expected to be absent");
      continue;
    }
    if (op === "$$unsetOrMatches" && !present) continue;
    if (!present) fail(sub, `missing (expected ${show(value)})`);
    assertMatches(value, doc[key], { ...opts, root: false }, sub);
  }
  if (!opts.root) {
    const extra = Object.keys(doc).filter((k) => !(k in expected) && doc[k] !== undefined);
    if (extra.length) fail(path, `unexpected fields ${extra.join(", ")}`);
  }
}

function matchOperator(op: string, arg: unknown, actual: unknown, opts: MatchOptions, path: string): void {
  switch (op) {
    case "$$type":
      if (actual === undefined || !typeMatches(arg, actual))
        fail(path, `expected type ${show(arg)}, got ${show(actual)}`);
      return;
    case "$$unsetOrMatches":
      if (actual !== undefined) assertMatches(arg, actual, opts, path);
      return;
    case "$$exists":
      if (Boolean(arg) !== (actual !== undefined)) fail(path, `$$exists ${arg}`);
      return;
    case "$$matchesEntity":
      assertMatches(lookup(opts).value(String(arg)), actual, opts, path);
      return;
    case "$$sessionLsid":
      assertMatches(lookup(opts).sessionLsid(String(arg)), actual, { ...opts, root: false }, path);
      return;
    case "$$lte":
      if (!isNumeric(actual) || toNumber(actual) > toNumber(arg))
        fail(path, `expected <= ${show(arg)}, got ${show(actual)}`);
      return;
    case "$$matchesHexBytes": {
      const bytes =
        actual instanceof Uint8Array
          ? Buffer.from(actual)
          : bsonType(actual) === "Binary"
            ? (actual as Binary).buffer
            : undefined;
      if (!bytes || Buffer.from(bytes).toString("hex") !== String(arg).toLowerCase())
        fail(path, `expected bytes ${arg}`);
      return;
    }
    case "$$matchAsRoot":
      assertMatches(arg, actual, { ...opts, root: true }, path);
      return;
    default:
      throw new MatchError(`unsupported match operator ${op}`);
  }
}

function lookup(opts: MatchOptions): EntityLookup {
  if (!opts.entities) throw new MatchError("no entity map for this match");
  return opts.entities;
}

/** Equality for scalars and BSON values, numbers compared by value. */
export function valuesEqual(expected: unknown, actual: unknown): boolean {
  if (isNumeric(expected) || isNumeric(actual)) {
    if (!isNumeric(expected) || !isNumeric(actual)) return false;
    const a = toNumber(expected);
    const b = toNumber(actual);
    return a === b || (Number.isNaN(a) && Number.isNaN(b));
  }
  if (expected === null || typeof expected !== "object") return expected === actual;
  if (actual === null || typeof actual !== "object") return false;
  if (expected instanceof Date) return actual instanceof Date && actual.getTime() === expected.getTime();
  if (isDocument(expected) || Array.isArray(expected)) {
    try {
      assertMatches(expected, actual, { root: false });
      return true;
    } catch {
      return false;
    }
  }
  const et = bsonType(expected);
  if (et === "BSONRegExp" || expected instanceof RegExp) return regexText(expected) === regexText(actual);
  if (et === "Binary" || expected instanceof Uint8Array) return binaryText(expected) === binaryText(actual);
  if (et === "DBRef")
    return bsonType(actual) === "DBRef" && valuesEqual(dbrefDoc(expected), dbrefDoc(actual));
  if (et !== bsonType(actual)) return false;
  return show(expected) === show(actual);
}

function dbrefDoc(v: unknown): Document {
  return (v as { toJSON(): Document }).toJSON();
}

function regexText(v: unknown): string | undefined {
  if (v instanceof RegExp) return `/${v.source}/${v.flags.split("").sort().join("")}`;
  if (bsonType(v) === "BSONRegExp") {
    const r = v as { pattern: string; options: string };
    return `/${r.pattern}/${r.options.split("").sort().join("")}`;
  }
  return undefined;
}

function binaryText(v: unknown): string | undefined {
  if (v instanceof Uint8Array) return `0:${Buffer.from(v).toString("hex")}`;
  // By _bsontype, not instanceof: the driver loads bson's CommonJS build, this runner its ES module.
  if (bsonType(v) === "Binary") {
    const b = v as Binary;
    return `${b.sub_type}:${Buffer.from(b.buffer).toString("hex")}`;
  }
  return undefined;
}

/** Collection contents after a test: exact documents (no extra fields, no operators), any key order. */
export function assertSameDocument(expected: Document, actual: Document, path: string): void {
  const ek = Object.keys(expected).sort();
  const ak = Object.keys(actual).sort();
  if (ek.join("\0") !== ak.join("\0")) fail(path, `fields ${ak.join(",")} differ from ${ek.join(",")}`);
  for (const k of ek) {
    const e = expected[k];
    const a = actual[k];
    if (isDocument(e)) {
      if (!isDocument(a)) fail(`${path}.${k}`, `expected a document, got ${show(a)}`);
      assertSameDocument(e, a, `${path}.${k}`);
    } else if (Array.isArray(e)) {
      if (!Array.isArray(a) || a.length !== e.length)
        fail(`${path}.${k}`, `expected ${show(e)}, got ${show(a)}`);
      e.forEach((x, i) => {
        if (isDocument(x) && isDocument(a[i])) assertSameDocument(x, a[i], `${path}.${k}[${i}]`);
        else if (!valuesEqual(x, a[i])) fail(`${path}.${k}[${i}]`, `expected ${show(x)}, got ${show(a[i])}`);
      });
    } else if (!valuesEqual(e, a)) fail(`${path}.${k}`, `expected ${show(e)}, got ${show(a)}`);
  }
}
