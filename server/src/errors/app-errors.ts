import { GraphQLError } from "graphql";
import mongoose from "mongoose";

/** The closed error vocabulary of the contract; nothing else leaves the server unmasked. */
export const ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "BAD_USER_INPUT",
  "CONFLICT",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** HTTP status for errors that abort a request before execution (execution errors stay 200). */
const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
};

export interface AppErrorExtensions {
  code: ErrorCode;
  /** Field-level details for BAD_USER_INPUT: input field path -> why. */
  fields?: Record<string, string>;
  /** For throttled sign-ins: seconds until another attempt is accepted. */
  retryAfterSeconds?: number;
}

export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, extra: Omit<AppErrorExtensions, "code"> = {}) {
    super(message, { extensions: { ...extra, code } });
    this.name = "AppError";
    this.code = code;
  }

  get httpStatus(): number {
    return HTTP_STATUS[this.code];
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export function unauthenticated(
  message = "You must be signed in to do this.",
  retryAfterSeconds?: number,
): AppError {
  return new AppError(
    "UNAUTHENTICATED",
    message,
    retryAfterSeconds === undefined ? {} : { retryAfterSeconds },
  );
}

export function forbidden(why: string): AppError {
  return new AppError("FORBIDDEN", why);
}

/** `what` names the object, e.g. `notFound("Version")` -> "Version not found." */
export function notFound(what: string): AppError {
  return new AppError("NOT_FOUND", `${what} not found.`);
}

export function badInput(message: string, fields?: Record<string, string>): AppError {
  return new AppError("BAD_USER_INPUT", message, fields ? { fields } : {});
}

export function conflict(why: string): AppError {
  return new AppError("CONFLICT", why);
}

/**
 * Domain errors that services may let escape (mostly from mongoose / the driver), mapped in one
 * table. The `satisfies` keeps the table exhaustive over `DomainErrorKind`.
 */
export type DomainErrorKind = "duplicateKey" | "validation" | "cast" | "versionConflict";

const DOMAIN_ERROR_TABLE = {
  duplicateKey: (e) => conflict(describeDuplicate(e)),
  validation: (e) => badInput(`Invalid input: ${validationSummary(e)}`, validationFields(e)),
  // A malformed id reaching a query is, by contract, "no such object".
  cast: () => notFound("Object"),
  versionConflict: () => conflict("The object was changed by someone else; reload and try again."),
} satisfies Record<DomainErrorKind, (e: ErrorLike) => AppError>;

interface ErrorLike {
  name?: string;
  code?: number;
  message?: string;
  keyValue?: Record<string, unknown>;
  errors?: Record<string, { message?: string }>;
}

function asErrorLike(e: unknown): ErrorLike | null {
  return e && typeof e === "object" ? (e as ErrorLike) : null;
}

export function classifyDomainError(e: unknown): DomainErrorKind | null {
  // GraphQL's own errors (Apollo's ValidationError included) are not domain errors.
  if (e instanceof GraphQLError) return null;
  if (e instanceof mongoose.Error.ValidationError) return "validation";
  if (e instanceof mongoose.Error.CastError) return "cast";
  if (e instanceof mongoose.Error.VersionError) return "versionConflict";
  const err = asErrorLike(e);
  // Driver errors (MongoServerError, MongoBulkWriteError) carry the server's numeric code.
  if (err && (err.code === 11000 || err.code === 11001)) return "duplicateKey";
  return null;
}

/** Maps a known domain error to its AppError; returns null for anything unknown (to be masked). */
export function toAppError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  const kind = classifyDomainError(e);
  const err = asErrorLike(e);
  return kind && err ? DOMAIN_ERROR_TABLE[kind](err) : null;
}

function describeDuplicate(e: ErrorLike): string {
  const keys = Object.keys(e.keyValue ?? {});
  return keys.length > 0 ? `A record with this ${keys.join(", ")} already exists.` : "This already exists.";
}

function validationFields(e: ErrorLike): Record<string, string> | undefined {
  if (!e.errors) return undefined;
  return Object.fromEntries(Object.entries(e.errors).map(([k, v]) => [k, v.message ?? "invalid"]));
}

function validationSummary(e: ErrorLike): string {
  const fields = validationFields(e);
  return fields ? Object.values(fields).join("; ") : (e.message ?? "validation failed");
}
