import type { ApolloClient } from "@apollo/client";
import { useApolloClient } from "@apollo/client/react";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { useConnection } from "../../../app/ConnectionBanner";
import { describeError } from "../../../lib/errors";
import { insertNoteIntoVersion } from "../../versions/lib/eventToCache";
import { AddNoteDocument } from "../graphql/operations";
import { idempotent, outbox, type QueuedNote } from "./outbox";

/** The queued notes of one version (all users' entries are filtered to `userId`). */
export function useQueuedNotes(versionId: string, userId: string | undefined): readonly QueuedNote[] {
  const all = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  return useMemo(
    () => all.filter((e) => e.versionId === versionId && e.userId === userId),
    [all, versionId, userId],
  );
}

/** Sends one queued note; true when it is done with (sent or refused), false to keep it for later. */
export async function sendQueued(apollo: ApolloClient, entry: QueuedNote): Promise<boolean> {
  try {
    await apollo.mutate({
      mutation: AddNoteDocument,
      // The same document, variables and key as the first attempt: the server answers a resend of a
      // note it already wrote with that note (Idempotency-Key), never a second one.
      variables: { input: { ...entry.input, versionId: entry.versionId } },
      context: idempotent(entry.key),
      update(cache, { data }) {
        if (data?.addNote) insertNoteIntoVersion(cache, entry.versionId, data.addNote);
      },
    });
    outbox.remove(entry.key);
    return true;
  } catch (e) {
    const problem = describeError(e);
    if (problem.kind === "network") return false;
    outbox.fail(entry.key, problem.message);
    return true;
  }
}

/**
 * Sends the signed-in user's queued notes, oldest first and one at a time, whenever the connection
 * is up; stops at the first network failure and tries again on the next change of state.
 */
export function useOutboxFlush(userId: string | undefined): void {
  const apollo = useApolloClient();
  const { status, epoch } = useConnection();
  const entries = useSyncExternalStore(outbox.subscribe, outbox.getSnapshot);
  const flushing = useRef(false);
  const up = status !== "offline" && status !== "reconnecting";

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new entry (entries) or a reconnect (epoch) starts a round
  useEffect(() => {
    if (!userId || !up || flushing.current || outbox.sendable(userId).length === 0) return;
    flushing.current = true;
    void (async () => {
      try {
        // One at a time, re-reading the queue, so a note queued during the round is sent in it too.
        for (let next = outbox.sendable(userId)[0]; next; next = outbox.sendable(userId)[0]) {
          if (!(await sendQueued(apollo, next))) break;
        }
      } finally {
        flushing.current = false;
      }
    })();
  }, [apollo, userId, up, entries, epoch]);
}
