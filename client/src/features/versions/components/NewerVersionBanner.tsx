import { useQuery } from "@apollo/client/react";
import { Link } from "react-router";
import { NewerVersionDocument } from "../graphql/operations";
import type { RoomVersion } from "../hooks/useVersionRoom";
import { KIND_PATH } from "./kindPath";
import "./newer-version.css";

/** The newest version of the room's asset when it is newer than the one on screen, else null. */
export function newerVersionOf(version: Pick<RoomVersion, "number" | "asset">) {
  const newest = version.asset.versions.reduce<RoomVersion["asset"]["versions"][number] | null>(
    (best, v) => (!best || v.number > best.number ? v : best),
    null,
  );
  return newest && newest.number > version.number ? newest : null;
}

/**
 * "v2 is here · 3 notes carried over · Open v2" on an older version's room. The asset's versions come
 * from the room query and, live, from the VERSION_SUPERSEDED event on this version's stream (its
 * `asset.versions` lands in the cache), so a reviewer left on v1 learns of v2 without reloading.
 */
export function NewerVersionBanner({ version }: { version: RoomVersion }) {
  const newer = newerVersionOf(version);
  const { data } = useQuery(NewerVersionDocument, {
    variables: { versionId: newer?.id ?? "" },
    skip: !newer,
    fetchPolicy: "cache-and-network",
  });
  if (!newer) return null;
  const carried = data?.version?.carriedNotes.totalCount;
  return (
    <output className="newer-version" data-testid="newer-version" aria-live="polite">
      <strong>A newer version exists: v{newer.number}</strong>
      {carried != null ? (
        <span className="muted" data-testid="newer-version-carried">
          {carried === 1 ? "1 note carried over" : `${carried} notes carried over`}
        </span>
      ) : null}
      <Link className="btn sm primary" to={`/${KIND_PATH[version.asset.kind]}/${newer.id}`}>
        Open v{newer.number}
      </Link>
    </output>
  );
}
