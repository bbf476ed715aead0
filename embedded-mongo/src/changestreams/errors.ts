import type { Document } from "bson";
import { CommandError } from "../commands/errors.js";

/** Change-stream error codes not (yet) in the shared ErrorCodes table. */
const CODES = {
  InvalidResumeToken: 260,
  ChangeStreamFatalError: 280,
  ChangeStreamHistoryLost: 286,
  BadValue: 2,
  FailedToParse: 9,
  NotImplemented: 238,
  NoMatchingDocument: 47,
  IllegalOperation: 20,
  Location40324: 40324,
} as const;

/**
 * A CommandError carrying one of MongoDB's change-stream codes. The shared table is typed by
 * code name, so the code is set after construction rather than editing the engine's file.
 */
export function csError(name: keyof typeof CODES, message: string, extra: Document = {}): CommandError {
  const err = new CommandError("BadValue", message, extra);
  Object.defineProperty(err, "code", { value: CODES[name] });
  Object.defineProperty(err, "codeName", { value: name });
  return err;
}
