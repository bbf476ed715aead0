import type { Document } from "bson";
import { CommandError } from "../commands/errors.js";
import { type StringCompare, isPlainObject } from "./bson-order.js";

/**
 * MongoDB collation documents mapped onto Intl.Collator (Node ships full ICU, the library
 * MongoDB itself uses). `simple` or no collation means binary string order (undefined here).
 */

const FIELDS = new Set([
  "locale",
  "strength",
  "caseLevel",
  "caseFirst",
  "numericOrdering",
  "alternate",
  "maxVariable",
  "backwards",
  "normalization",
  "version",
]);

const cache = new Map<string, StringCompare>();

function sensitivity(strength: number, caseLevel: boolean): Intl.CollatorOptions["sensitivity"] {
  if (strength === 1) return caseLevel ? "case" : "base";
  if (strength === 2) return caseLevel ? "variant" : "accent";
  return "variant";
}

/** The string order of a `collation` option, or undefined for binary order. Bad specs are BadValue. */
export function collationOf(spec: unknown): StringCompare | undefined {
  if (spec === undefined || spec === null) return undefined;
  if (!isPlainObject(spec)) throw new CommandError("TypeMismatch", "collation must be an object");
  for (const k of Object.keys(spec)) {
    if (!FIELDS.has(k)) throw new CommandError("FailedToParse", `unknown collation field: ${k}`);
  }
  if (typeof spec.locale !== "string")
    throw new CommandError("FailedToParse", 'Missing expected field "locale"');
  if (spec.locale === "simple") return undefined;
  const key = JSON.stringify(spec);
  const hit = cache.get(key);
  if (hit) return hit;
  const strength = spec.strength === undefined ? 3 : Number(spec.strength);
  if (![1, 2, 3, 4, 5].includes(strength))
    throw new CommandError("BadValue", `collation strength must be 1..5, got ${String(spec.strength)}`);
  const locale = spec.locale.replace(/_/g, "-");
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale, {
      usage: "sort",
      sensitivity: sensitivity(strength, spec.caseLevel === true),
      numeric: spec.numericOrdering === true,
      caseFirst: spec.caseFirst === "upper" || spec.caseFirst === "lower" ? spec.caseFirst : "false",
      ignorePunctuation: spec.alternate === "shifted",
    });
  } catch {
    throw new CommandError("BadValue", `unsupported collation locale: ${spec.locale}`);
  }
  const cmp: StringCompare = (a, b) => collator.compare(a, b);
  if (cache.size > 256) cache.clear();
  cache.set(key, cmp);
  return cmp;
}

/** The collation a command asks for, else the collection's default (from `create`). */
export function commandCollation(cmd: Document, collectionDefault?: unknown): StringCompare | undefined {
  return collationOf(cmd.collation ?? collectionDefault);
}

/**
 * A collation as MongoDB stores and lists it with an index: every field given, ICU's defaults
 * for the rest (so `listIndexes` matches what mongoose's `syncIndexes` compares). Undefined
 * for `simple`. Checked like a command's collation.
 */
export function collationDocument(spec: unknown): Document | undefined {
  if (collationOf(spec) === undefined) return undefined;
  const s = spec as Document;
  return {
    locale: s.locale,
    caseLevel: s.caseLevel ?? false,
    caseFirst: s.caseFirst ?? "off",
    strength: s.strength ?? 3,
    numericOrdering: s.numericOrdering ?? false,
    alternate: s.alternate ?? "non-ignorable",
    maxVariable: s.maxVariable ?? "punct",
    normalization: s.normalization ?? false,
    backwards: s.backwards ?? false,
    version: s.version ?? "57.1",
  };
}
