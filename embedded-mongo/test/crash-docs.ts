import type { Document } from "bson";

/** Deterministic content for a crash-test document, so the parent can check it is intact. */
export function crashDoc(id: string, batch: string | null): Document {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) | 0;
  return { _id: id, batch, h, pad: "p".repeat(Math.abs(h) % 300), nested: { id, list: [h, id.length] } };
}
