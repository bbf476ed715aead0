import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo } from "react";
import { Link } from "react-router";
import { fullDate, timeAgo } from "../../../lib/format";
import { cursors, eventsKnownTo, streamKey } from "../../../realtime/cursors";
import { useStream } from "../../../realtime/useStream";
import { ProductionEventsDocument, ProductionEventsPageDocument } from "../graphql/operations";
import { describeEvent } from "../lib/describeEvent";
import { applyProductionEvent } from "../lib/eventToCache";

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

export function ActivityFeed({ productionId }: { productionId: string }) {
  const { data, loading, error } = useQuery(ProductionEventsPageDocument, {
    variables: { id: productionId, after: null },
    fetchPolicy: "cache-first",
  });
  const events = useMemo(
    () =>
      [...(data?.production?.events ?? [])]
        .filter((e) => e.type !== "NOTE_CARRIED" && e.type !== "VERSION_SUPERSEDED")
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
          const d = describeEvent(e);
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
