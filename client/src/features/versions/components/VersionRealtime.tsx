import { useApolloClient, useSubscription } from "@apollo/client/react";
import { useEffect, useMemo, useRef } from "react";
import { useConnection } from "../../../app/ConnectionBanner";
import { cursors, streamKey } from "../../../realtime/cursors";
import { PresenceDocument, PresenceUpdatesDocument } from "../../presence/graphql/operations";
import { VersionNotesDocument } from "../../notes/graphql/operations";
import { VersionEventsDocument, VersionRoomDocument } from "../graphql/operations";
import { applyVersionEvent } from "../lib/eventToCache";

/**
 * The one realtime subscriber of a review screen: version events and presence, both written into the
 * Apollo cache (never into component state), so every view of a note, a status or a viewer updates.
 */
export function VersionRealtime({ versionId }: { versionId: string }) {
  const { epoch } = useConnection();
  const key = streamKey.version(versionId);
  // Re-read on every (re)connection: the new subscription resumes right after the last applied event.
  // biome-ignore lint/correctness/useExhaustiveDependencies: epoch is the trigger, not an input
  const after = useMemo(() => cursors.lastCursor(key), [key, epoch]);

  // A reconnect before any event arrived leaves no cursor to resume from: catch up by refetching
  // the room and its notes instead (the list merge keeps this exactly-once).
  const client = useApolloClient();
  const mountEpoch = useRef(epoch);
  useEffect(() => {
    if (epoch <= Math.max(mountEpoch.current, 1) || cursors.lastCursor(key)) return;
    void client
      .refetchQueries({ include: [VersionRoomDocument, VersionNotesDocument] })
      .catch(() => undefined);
  }, [epoch, key, client]);

  useSubscription(VersionEventsDocument, {
    variables: { versionId, after },
    onData: ({ client, data }) => {
      const event = data.data?.versionEvents;
      if (!event || !cursors.markSeen(key, event)) return;
      applyVersionEvent(client.cache, versionId, event);
    },
  });

  useSubscription(PresenceUpdatesDocument, {
    variables: { versionId },
    onData: ({ client, data }) => {
      const update = data.data?.presence;
      if (!update) return;
      client.cache.writeQuery({
        query: PresenceDocument,
        variables: { versionId },
        data: { __typename: "Query", presence: update.viewers },
      });
    },
  });

  return null;
}
