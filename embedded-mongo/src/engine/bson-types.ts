/**
 * BSON type names and numbers as `$type` (query and aggregation) uses them. A plain JS number is
 * what a stored int32 or non-integral double decodes to (`bson/number-types.ts`): an integral one
 * in int32 range is `int`, anything else `double`; integral doubles are `Double`, int64 `Long`.
 */

const NUMBERS: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  dbPointer: 12,
  javascript: 13,
  symbol: 14,
  javascriptWithScope: 15,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};
const BY_NUMBER = new Map(Object.entries(NUMBERS).map(([k, v]) => [v, k]));

function tagOf(v: object): string | undefined {
  return "_bsontype" in v ? String((v as { _bsontype: unknown })._bsontype) : undefined;
}

/** The `$type` name of a stored value ("missing" for undefined, as aggregation answers). */
export function bsonTypeName(v: unknown): string {
  if (v === undefined) return "missing";
  if (v === null) return "null";
  switch (typeof v) {
    case "number":
      if (!Number.isInteger(v) || Object.is(v, -0)) return "double";
      // Serialized as int32 in range and as a double outside it (int64 values are Long).
      return v >= -2147483648 && v <= 2147483647 ? "int" : "double";
    case "bigint":
      return "long";
    case "string":
      return "string";
    case "boolean":
      return "bool";
    case "object":
      break;
    default:
      return "javascript";
  }
  if (Array.isArray(v)) return "array";
  if (v instanceof Date) return "date";
  if (v instanceof RegExp) return "regex";
  switch (tagOf(v)) {
    case undefined:
    case "DBRef":
      return "object";
    case "Int32":
      return "int";
    case "Double":
      return "double";
    case "Long":
      return "long";
    case "Decimal128":
      return "decimal";
    case "Binary":
      return "binData";
    case "ObjectId":
      return "objectId";
    case "Timestamp":
      return "timestamp";
    case "BSONRegExp":
      return "regex";
    case "BSONSymbol":
      return "symbol";
    case "Code":
      return (v as { scope?: unknown }).scope ? "javascriptWithScope" : "javascript";
    case "DBPointer":
      return "dbPointer";
    case "MinKey":
      return "minKey";
    case "MaxKey":
      return "maxKey";
    default:
      return "object";
  }
}

const NUMERIC = new Set(["double", "int", "long", "decimal"]);

/** Normalise a `$type` argument (name, alias or number) to a type name; unknown ones throw. */
export function typeNameOf(t: unknown): string {
  if (typeof t === "string") {
    if (t === "number" || t in NUMBERS) return t;
    throw new Error(`Unknown type name alias: ${t}`);
  }
  const n = typeof t === "number" ? t : Number((t as { valueOf(): unknown })?.valueOf());
  const name = BY_NUMBER.get(n);
  if (name === undefined) throw new Error(`Invalid numerical type code: ${String(t)}`);
  return name;
}

/** True when `v` is of one of `types` (names, numbers or "number"). */
export function typeMatches(types: unknown[], v: unknown): boolean {
  const name = bsonTypeName(v);
  for (const t of types) {
    const want = typeNameOf(t);
    if (want === name || (want === "number" && NUMERIC.has(name))) return true;
  }
  return false;
}
