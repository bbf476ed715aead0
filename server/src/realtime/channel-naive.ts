import type { FeedEvent } from "./ports.js";
import type { RoleName } from "./ports.js";
import type { ChannelRoles } from "./channel-roles.js";
import { catchUp, type ReplaySource } from "./channel-replay.js";
import type { GroupSpec, PresenceSnapshot } from "./ports.js";
import type { PresenceWatch } from "./presence.tracker.js";
import type { QueueSink } from "./sinks.js";

interface NaiveEntry {
  sink: QueueSink<unknown>;
  kind: GroupSpec["kind"];
  versionId: string | null;
  role: RoleName;
}

/**
 * A channel's naive subscriptions (REALTIME_MODE=naive): root values go to graphql-js per
 * subscriber instead of one execution per group.
 */
export class NaiveSubscribers {
  private readonly entries = new Set<NaiveEntry>();

  constructor(
    private readonly roles: ChannelRoles,
    private readonly replay: ReplaySource,
    private readonly watchPresence: (versionId: string) => PresenceWatch,
    private readonly onLeave: () => void,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Replays (or snapshots presence), then joins; returns once joined or ended. */
  async attach(
    sink: QueueSink<unknown>,
    kind: GroupSpec["kind"],
    versionId: string | null,
    role: RoleName,
    afterSeq: number | null,
  ): Promise<void> {
    const entry: NaiveEntry = { sink, kind, versionId, role };
    let watch: PresenceWatch | null = null;
    try {
      if (kind === "presence") {
        watch = this.watchPresence(versionId as string);
        const snapshot = await watch.snapshot();
        if (sink.ended) return;
        sink.push(snapshot);
      } else {
        await catchUp(this.replay, sink, role, versionId, afterSeq, async (e) => sink.push(e));
        if (sink.ended) return;
      }
      this.entries.add(entry);
      const release = watch?.release;
      sink.onEnd = () => {
        release?.();
        this.entries.delete(entry);
        this.onLeave();
      };
      watch = null; // handed to onEnd
    } finally {
      watch?.release();
    }
  }

  /** A live event of `versionId` (null: production-wide); returns how many subscribers got it. */
  event(e: FeedEvent, versionId: string | null): number {
    let sent = 0;
    for (const n of this.entries) {
      if (n.kind !== "events" || (n.versionId !== null && n.versionId !== versionId)) continue;
      if (e.seq <= n.sink.lastSeq || !this.roles.authorized(n.sink, n.role)) continue;
      n.sink.lastSeq = e.seq;
      n.sink.push(e);
      sent++;
    }
    return sent;
  }

  presence(snapshot: PresenceSnapshot): void {
    for (const n of this.entries) {
      if (
        n.kind === "presence" &&
        n.versionId === snapshot.versionId &&
        this.roles.authorized(n.sink, n.role)
      )
        n.sink.push(snapshot);
    }
  }

  endAll(): void {
    for (const n of this.entries) n.sink.end();
  }
}
