import { Types } from "mongoose";

const HEX24 = /^[0-9a-f]{24}$/i;

/**
 * Parses an API id. Only 24-hex strings are ids here: mongoose's isValidObjectId also accepts
 * any 12-character string, which would turn "hello world!" into an id. Null means "malformed",
 * which the contract answers like "no such object".
 */
export function parseId(id: unknown): Types.ObjectId | null {
  return typeof id === "string" && HEX24.test(id) ? new Types.ObjectId(id) : null;
}

export function isId(id: unknown): id is string {
  return typeof id === "string" && HEX24.test(id);
}

export function idOf(value: { toString(): string } | null | undefined): string | null {
  return value == null ? null : String(value);
}
