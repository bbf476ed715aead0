import type { ReactNode } from "react";
import { ErrorState, Loading } from "../../../app/ErrorState";
import type { AssetKind } from "../../../gql/graphql";
import { notFound } from "../../../lib/errors";
import type { ReviewRoom } from "../hooks/useReviewRoom";
import type { RoomVersion } from "../hooks/useVersionRoom";

/** Loading, error, not found and wrong-kind states for a review screen; renders children once ready. */
export function RoomGate({
  room,
  kind,
  children,
}: {
  room: ReviewRoom;
  kind: AssetKind;
  children: (room: ReviewRoom & { version: RoomVersion }) => ReactNode;
}) {
  const { version, query } = room;
  if (!version) {
    if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
    if (query.loading) return <Loading label="Opening the review room…" />;
    return <ErrorState problem={notFound("version")} />;
  }
  if (version.asset.kind !== kind) {
    return (
      <ErrorState
        problem={{
          kind: "not-found",
          title: "Wrong room",
          message: `This version is a ${version.asset.kind.toLowerCase()}.`,
        }}
      />
    );
  }
  return <>{children({ ...room, version })}</>;
}
