import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo } from "react";
import { Link } from "react-router";
import type { ActivityEventFragment } from "../../../gql/graphql";
import { fullDate, timeAgo } from "../../../lib/format";
import { cursors, eventsKnownTo, streamKey } from "../../../realtime/cursors";
import { useStream } from "../../../realtime/useStream";
import { ROLE_LABEL } from "../../notes/lib/mentions";
import { KIND_PATH } from "../../versions/components/ReviewRoomLayout";
import { ProductionEventsDocument, ProductionEventsPageDocument } from "../graphql/operations";
import { applyProductionEvent } from "../lib/eventToCache";
import { STAGE_LABEL } from "./StagePipeline";

const SHOWN = 60;

/**
 * The production page's one realtime subscriber: loads the event history (pages of 500) for the feed,
 * then subscribes from the page data's `lastEventCursor` (`since`), so every event after the page was
 * read reaches the cache — also those the history already shows, which the list merge keeps once.
 */
export function ProductionRealtime({ productionId, since }: { productionId: string; since: string | null }) {
  const key = streamKey.production(productionId);
  const history = useQuery(ProductionEventsPageDocument, {
    variables: { id: productionId, after: null },
    fetchPolicy: "cache-first",
  });
  const events = history.data?.production?.events;
  const page = events?.length ?? 0;
  const lastLoaded = events?.[page - 1]?.cursor ?? null;

  // Full pages mean there is more history; keep paging until the end before going live.
  useEffect(() => {
    if (history.loading || page === 0 || page % 500 !== 0 || !lastLoaded) return;
    void history.fetchMore({ variables: { after: lastLoaded } }).catch(() => undefined);
  }, [history.loading, page, lastLoaded, history.fetchMore]);

  const ready = !history.loading && (page % 500 !== 0 || page === 0);
  useEffect(() => {
    if (!events) return;
    // History newer than the page data stays unseen: the stream replays it from `since` into the cache.
    for (const e of eventsKnownTo(events, since)) cursors.markSeen(key, e);
  }, [events, key, since]);

  useStream(ProductionEventsDocument, {
    cursorKey: key,
    // The first subscription starts where the page data ends; later ones resume after the last applied.
    variables: (after) => ({ productionId, after: after ?? since }),
    skip: !ready,
    onData: (data, apollo) => {
      const event = data.productionEvents;
      if (!cursors.markSeen(key, event)) return;
      applyProductionEvent(apollo.cache, productionId, event);
    },
  });
  return null;
}

function describe(e: ActivityEventFragment): { text: string; to?: string } {
  switch (e.type) {
    case "MEMBER_ADDED":
      return {
        text: `added ${e.member?.user.name ?? "someone"} as ${e.member ? ROLE_LABEL[e.member.role] : "member"}`,
      };
    case "MEMBER_REMOVED":
      return { text: `removed ${e.member?.user.name ?? "a member"}` };
    case "STAGE_CHANGED":
      return { text: `moved the production to ${e.stage ? STAGE_LABEL[e.stage] : "a new stage"}` };
    case "EPISODE_ADDED":
      return { text: `added episode ${e.episode?.number ?? ""} “${e.episode?.title ?? ""}”` };
    case "ASSET_CREATED":
      return { text: `created ${e.asset?.kind.toLowerCase() ?? "asset"} “${e.asset?.title ?? ""}”` };
    case "VERSION_ADDED":
    case "REVIEW_REQUESTED":
    case "REVIEW_DECIDED":
    case "VERSION_STATUS_CHANGED": {
      const v = e.version;
      const what = v ? `${v.asset.title} v${v.number}` : "a version";
      const to = v ? `/${KIND_PATH[v.asset.kind]}/${v.id}` : undefined;
      if (e.type === "VERSION_ADDED") return { text: `uploaded ${what}`, to };
      if (e.type === "REVIEW_REQUESTED") return { text: `submitted ${what} for review`, to };
      if (e.type === "REVIEW_DECIDED")
        return {
          text: `${e.review?.decision === "APPROVE" ? "approved" : "requested changes on"} ${what}`,
          to,
        };
      return { text: `${what} is now ${v?.status.replace(/_/g, " ").toLowerCase()}`, to };
    }
    case "NOTE_ADDED":
    case "NOTE_UPDATED":
    case "NOTE_STATUS_CHANGED":
    case "NOTE_DELETED":
    case "REPLY_ADDED": {
      const v = e.note?.version;
      const where = v ? ` on ${v.asset.title} v${v.number}` : "";
      const to = v ? `/${KIND_PATH[v.asset.kind]}/${v.id}` : undefined;
      const verb = {
        NOTE_ADDED: "noted",
        NOTE_UPDATED: "edited a note",
        NOTE_STATUS_CHANGED: "updated a note",
        NOTE_DELETED: "deleted a note",
        REPLY_ADDED: "replied",
      }[e.type];
      const body =
        e.type === "REPLY_ADDED" ? e.reply?.body : e.type === "NOTE_ADDED" ? e.note?.body : undefined;
      return { text: `${verb}${where}${body ? `: “${body.slice(0, 80)}”` : ""}`, to };
    }
    case "NOTE_CARRIED":
      // Left out of the feed (one per carried note would bury the VERSION_ADDED beside it).
      return { text: "carried a note to a new version" };
  }
}

export function ActivityFeed({ productionId }: { productionId: string }) {
  const { data, loading, error } = useQuery(ProductionEventsPageDocument, {
    variables: { id: productionId, after: null },
    fetchPolicy: "cache-first",
  });
  const events = useMemo(
    () =>
      [...(data?.production?.events ?? [])]
        .filter((e) => e.type !== "NOTE_CARRIED")
        .reverse()
        .slice(0, SHOWN),
    [data],
  );
  return (
    <section className="card" aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      {error ? <p className="alert small">Couldn't load activity.</p> : null}
      {loading && !data ? <p className="spinner">Loading…</p> : null}
      <ol className="activity" aria-live="polite" data-testid="activity">
        {events.map((e) => {
          const d = describe(e);
          return (
            <li key={e.cursor}>
              <strong>{e.actor?.name ?? "Greenlight"}</strong>{" "}
              {d.to ? <Link to={d.to}>{d.text}</Link> : d.text}
              <time className="muted small" dateTime={e.at} title={fullDate(e.at)}>
                {" "}
                · {timeAgo(e.at)}
              </time>
            </li>
          );
        })}
        {!loading && events.length === 0 ? <li className="muted">Nothing yet.</li> : null}
      </ol>
    </section>
  );
}
