import type { Document } from "bson";

/** MongoDB error codes used by the embedded server, with their codeName. */
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  FailedToParse: 9,
  Unauthorized: 13,
  AuthenticationFailed: 18,
  TypeMismatch: 14,
  IllegalOperation: 20,
  AlreadyInitialized: 23,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  MaxTimeMSExpired: 50,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  NoReplicationEnabled: 76,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  NotImplemented: 238,
  OperationNotSupportedInTransaction: 263,
  InvalidPipelineOperator: 168,
  Location16755: 16755,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  DocumentValidationFailure: 121,
  NoSuchTransaction: 251,
  WriteConflict: 112,
  ConflictingOperationInProgress: 117,
  TransactionTooOld: 225,
  SnapshotTooOld: 239,
  TransactionCommitted: 256,
  TransactionExceededLifetimeLimitSeconds: 290,
  NotWritablePrimary: 10107,
  APIStrictError: 323,
  ChangeStreamNotSupported: 40573,
  InvalidBSON: 22,
  ProtocolError: 17,
  Location40324: 40324,
  Location51091: 51091,
  Location17419: 17419,
  OperationFailed: 96,
  PathNotViable: 28,
  UnknownError: 8,
  CannotCreateIndex: 67,
  Location40571: 40571,
  InvalidResumeToken: 260,
  ChangeStreamFatalError: 280,
  ChangeStreamHistoryLost: 286,
  Location31253: 31253,
  Location31254: 31254,
  Location51246: 51246,
  Location40415: 40415,
  Location40601: 40601,
  CannotConvertIndexToUnique: 359,
  CommandNotSupportedOnView: 166,
  ViewDepthLimitExceeded: 149,
  FailPointSetFailed: 144,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

/** A command failure that becomes `{ ok: 0, errmsg, code, codeName, ...extra }` on the wire. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: string;

  /** `codeName` names a code of the table above; `{ code, codeName }` any other (a fail point's). */
  constructor(
    codeName: ErrorCodeName | { code: number; codeName: string },
    message: string,
    readonly extra: Document = {},
  ) {
    super(message);
    if (typeof codeName === "string") {
      this.code = ErrorCodes[codeName];
      this.codeName = codeName;
    } else {
      this.code = codeName.code;
      this.codeName = codeName.codeName;
    }
  }

  toReply(): Document {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

/** A write error as listed in `writeErrors` (index is filled by the batch loop). */
export function writeErrorOf(err: CommandError, index: number): Document {
  return { index, code: err.code, errmsg: err.message, ...err.extra };
}
