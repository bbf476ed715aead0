/**
 * Event cursors are opaque: base64url of "ev1:<productionId>:<seq>". Decoding validates the
 * production (a cursor from another production is unknown) and the seq against the production's
 * allocated counter (a seq never allocated is unknown).
 */
export function encodeEventCursor(productionId: string, seq: number): string {
  return Buffer.from(`ev1:${productionId}:${seq}`, "utf8").toString("base64url");
}

/** The seq of a cursor of this production, or null when malformed or foreign (no bound check). */
export function tryDecodeEventCursor(cursor: string, productionId: string): number | null {
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > 200) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const m = /^ev1:([0-9a-f]{24}):(0|[1-9]\d{0,15})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!m || m[1] !== productionId) return null;
  const seq = Number(m[2]);
  return Number.isSafeInteger(seq) ? seq : null;
}
