import type { Document } from "bson";
import { isPlainObject, typeRank } from "../engine/bson-order.js";
import { CommandError } from "./errors.js";

/** Argument readers that fail with MongoDB's TypeMismatch / BadValue shapes. */

export function collName(cmd: Document, name: string): string {
  const v = cmd[name];
  if (typeof v !== "string" || v.length === 0) {
    throw new CommandError("InvalidNamespace", `collection name has invalid type ${typeof v}`);
  }
  return v;
}

export function optDoc(cmd: Document, field: string): Document | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) {
    throw new CommandError(
      "TypeMismatch",
      `BSON field '${field}' is the wrong type '${typeName(v)}', expected type 'object'`,
    );
  }
  return v;
}

export function optNumber(cmd: Document, field: string): number | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (typeRank(v) !== 3) {
    throw new CommandError(
      "TypeMismatch",
      `BSON field '${field}' is the wrong type '${typeName(v)}', expected types '[long, int, decimal, double]'`,
    );
  }
  return Number(typeof v === "number" ? v : (v as { valueOf(): unknown }).valueOf());
}

export function optArray(cmd: Document, field: string): unknown[] | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) {
    throw new CommandError(
      "TypeMismatch",
      `BSON field '${field}' is the wrong type '${typeName(v)}', expected type 'array'`,
    );
  }
  return v;
}

export function toBigInt(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return BigInt(Math.trunc(v));
  const l = v as { toBigInt?: () => bigint };
  if (l && typeof l.toBigInt === "function") return l.toBigInt();
  throw new CommandError("TypeMismatch", "cursor id must be a long");
}

function typeName(v: unknown): string {
  switch (typeRank(v)) {
    case 2:
      return "null";
    case 3:
      return "double";
    case 4:
      return "string";
    case 5:
      return "object";
    case 6:
      return "array";
    case 8:
      return "objectId";
    case 9:
      return "bool";
    case 10:
      return "date";
    default:
      return "unknown";
  }
}
