import { useApolloClient } from "@apollo/client/react";
import { useEffect, useRef } from "react";
import { useConnection } from "../../../app/ConnectionBanner";
import { cursors, streamKey } from "../../../realtime/cursors";
import { useStream } from "../../../realtime/useStream";
import { PresenceDocument, PresenceUpdatesDocument } from "../../presence/graphql/operations";
import { VersionNotesDocument } from "../../notes/graphql/operations";
import { VersionEventsDocument, VersionRoomDocument } from "../graphql/operations";
import { applyVersionEvent } from "../lib/eventToCache";

/**
 * The one realtime subscriber of a review screen: version events and presence, both written into the
 * Apollo cache (never into component state), so every view of a note, a status or a viewer updates.
 * `since` is the room query's `lastEventCursor`: the first subscription starts there, so an event
 * between loading the room and subscribing is replayed rather than lost.
 */
export function VersionRealtime({ versionId, since }: { versionId: string; since: string | null }) {
  const { epoch } = useConnection();
  const key = streamKey.version(versionId);

  // A reconnect before any event arrived, on a version with no event at load, leaves no cursor to resume
  // from: catch up by refetching the room and its notes instead (the list merge keeps this exactly-once).
  const client = useApolloClient();
  const mountEpoch = useRef(epoch);
  const sinceRef = useRef(since);
  useEffect(() => {
    if (epoch <= Math.max(mountEpoch.current, 1) || cursors.lastCursor(key) || sinceRef.current) return;
    void client
      .refetchQueries({ include: [VersionRoomDocument, VersionNotesDocument] })
      .catch(() => undefined);
  }, [epoch, key, client]);

  // Resumes right after the last applied event on every reconnect or restart.
  useStream(VersionEventsDocument, {
    cursorKey: key,
    variables: (after) => ({ versionId, after: after ?? since }),
    onData: (data, apollo) => {
      const event = data.versionEvents;
      if (!cursors.markSeen(key, event)) return;
      applyVersionEvent(apollo.cache, versionId, event);
    },
  });

  useStream(PresenceUpdatesDocument, {
    cursorKey: null,
    variables: () => ({ versionId }),
    onData: (data, apollo) => {
      apollo.cache.writeQuery({
        query: PresenceDocument,
        variables: { versionId },
        data: { __typename: "Query", presence: data.presence.viewers },
      });
    },
  });

  return null;
}
