import { useQuery } from "@apollo/client/react";
import { VersionRoomDocument } from "../graphql/operations";

export function useVersionRoom(versionId: string) {
  return useQuery(VersionRoomDocument, { variables: { versionId }, fetchPolicy: "cache-and-network" });
}

export type RoomVersion = NonNullable<NonNullable<ReturnType<typeof useVersionRoom>["data"]>["version"]>;
