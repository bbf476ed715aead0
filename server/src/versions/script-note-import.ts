import type { Types } from "mongoose";
import type { CommandTx } from "../events/command.js";
import type { EventDraft } from "../events/event.model.js";
import type { Role } from "../productions/production.enums.js";
import type { VersionDoc } from "./version.model.js";

/** A script text with its `[[notes]]` taken out, and how to write them once the version exists. */
export interface ScriptNoteImport {
  text: string;
  count: number;
  write(
    tx: CommandTx,
    version: VersionDoc,
    author: { userId: Types.ObjectId; role: Role },
  ): Promise<EventDraft[]>;
}

/**
 * The port addVersion imports a SCRIPT's Fountain notes through (#16). Notes are a later layer than
 * versions, so the importer lives in notes/ and app/ registers it, as it does the cut conform.
 */
export type ScriptNoteImporter = (text: string) => ScriptNoteImport;

let importer: ScriptNoteImporter | null = null;

export function registerScriptNoteImporter(f: ScriptNoteImporter): void {
  importer = f;
}

/** The registered importer; a server that forgot to register one must not drop the notes silently. */
export function scriptNoteImporter(): ScriptNoteImporter {
  if (!importer) throw new Error("No script note importer registered (app/carry-mappers.ts registers it)");
  return importer;
}
