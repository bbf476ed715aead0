import { useQuery } from "@apollo/client/react";
import { useEffect, useMemo } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";
import { VersionNotesDocument } from "../../notes/graphql/operations";

/**
 * Every note of a version, loaded page by page (200 per request, the API's maximum) into one cached
 * list; live inserts from the stream land in the same list.
 */
export function useVersionNotes(versionId: string) {
  const result = useQuery(VersionNotesDocument, {
    variables: { versionId, after: null },
    fetchPolicy: "cache-and-network",
  });
  const { data, fetchMore, loading } = result;
  const page = data?.version?.notes.pageInfo;

  useEffect(() => {
    if (!loading && page?.hasNextPage && page.endCursor) {
      void fetchMore({ variables: { after: page.endCursor } }).catch(() => undefined);
    }
  }, [loading, page?.hasNextPage, page?.endCursor, fetchMore]);

  const notes = useMemo<readonly NoteItemFragment[]>(
    () => data?.version?.notes.edges.map((e) => e.node) ?? [],
    [data],
  );
  return { notes, loading: loading && notes.length === 0, error: result.error, complete: !page?.hasNextPage };
}
