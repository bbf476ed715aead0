import type { FeedEvent } from "./ports.js";
import type { RoleName } from "./ports.js";
import type { ExecutionScope, GroupSpec } from "./ports.js";
import type { PresenceWatch } from "./presence.tracker.js";
import type { FrameSink, Sink } from "./sinks.js";

/** Events read per replay page; also the tail read when a channel starts. */
export const PAGE = 200;

/** What replaying needs of a channel. */
export interface ReplaySource {
  /** Seq of the last event released to live subscribers (moves while replaying). */
  lastSeq(): number;
  range(afterSeq: number, uptoSeq: number, limit: number, versionId: string | null): Promise<FeedEvent[]>;
  authorized(sink: Sink, role: RoleName): boolean;
}

/**
 * The seam. Replays (afterSeq, lastSeq] from the log, re-reading `lastSeq` after every page since
 * live events keep being released meanwhile; the caller joins the live group in the same tick as
 * this resolves. Live dispatch skips seqs at or below the sink's `lastSeq`, so an event both
 * replayed and still in the dispatch queue is sent once.
 */
export async function catchUp(
  src: ReplaySource,
  sink: Sink,
  role: RoleName,
  versionId: string | null,
  afterSeq: number | null,
  replay: (e: FeedEvent, scope: ExecutionScope) => Promise<void>,
): Promise<void> {
  if (afterSeq === null) {
    sink.lastSeq = src.lastSeq();
    return;
  }
  sink.lastSeq = afterSeq;
  while (!sink.ended && sink.lastSeq < src.lastSeq()) {
    const upto = src.lastSeq();
    const page = await src.range(sink.lastSeq, upto, PAGE, versionId);
    // One page is read as of one moment anyway (current objects), so its executions share reads.
    const scope: ExecutionScope = {};
    for (const e of page) {
      if (sink.ended || !src.authorized(sink, role)) return;
      await replay(e, scope);
      sink.lastSeq = e.seq;
    }
    // A version's events are a subsequence: a short page means (lastSeq, upto] is done.
    if (page.length < PAGE) sink.lastSeq = Math.max(sink.lastSeq, upto);
  }
}

/**
 * A presence subscription's first message is the version's snapshot; then `join` (same tick as the
 * send). The watch is released here unless it was handed to the group.
 */
export async function snapshotThenJoin(
  watch: PresenceWatch,
  sink: FrameSink,
  spec: GroupSpec,
  join: (release: () => void) => void,
): Promise<void> {
  let joined = false;
  try {
    const snapshot = await watch.snapshot();
    if (sink.ended) return;
    const payload = await spec.execute(snapshot, sink.viewer, {});
    if (sink.ended) return;
    join(watch.release);
    joined = true;
    sink.send(payload);
  } finally {
    if (!joined) watch.release();
  }
}
