import DataLoader from "dataloader";
import { parseId } from "../core/ids.js";
import { CutEditModel, type CutEditDoc } from "./cut-edit.model.js";

/** Per-request loaders of the edits domain; registered in app/loaders.ts. */
export function editLoaders() {
  return {
    /** A version's edit, or null; one `$in` query per batch. */
    cutEditByVersionId: new DataLoader<string, CutEditDoc | null>(async (ids) => {
      const valid = ids.map(parseId).filter((id) => id !== null);
      const docs = valid.length ? await CutEditModel.find({ versionId: { $in: valid } }).lean() : [];
      const byVersion = new Map(docs.map((d) => [String(d.versionId), d]));
      return ids.map((id) => byVersion.get(id) ?? null);
    }),
  };
}

declare module "../core/context.js" {
  interface Loaders extends ReturnType<typeof editLoaders> {}
}
