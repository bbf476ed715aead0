import { type ReactNode, useState } from "react";
import { Link, useNavigate } from "react-router";
import { PresenceAvatars } from "../../presence/components/PresenceAvatars";
import { usePresenceViewers } from "../../presence/usePresence";
import { ReviewPanel } from "../../review/components/ReviewPanel";
import { VersionStatusBadge } from "../../review/components/VersionStatusBadge";
import type { ReviewRoom } from "../hooks/useReviewRoom";
import type { RoomVersion } from "../hooks/useVersionRoom";
import { KIND_PATH } from "./kindPath";
import { NewerVersionBanner } from "./NewerVersionBanner";
import { VersionRealtime } from "./VersionRealtime";

export { KIND_PATH };

interface Props {
  room: ReviewRoom & { version: RoomVersion };
  stage: ReactNode;
  notes: ReactNode;
  /** Extra header items (revision chip, follow toggle). */
  headerExtra?: ReactNode;
}

/** The review room frame shared by script, cut and mix: header, stage, and the notes/review side panel. */
export function ReviewRoomLayout({ room, stage, notes, headerExtra }: Props) {
  const { version } = room;
  const navigate = useNavigate();
  const [tab, setTab] = useState<"notes" | "review">("notes");
  const viewers = usePresenceViewers(version.id, room.me?.id);
  const asset = version.asset;
  const path = KIND_PATH[asset.kind];
  const versions = [...asset.versions].sort((a, b) => b.number - a.number);

  return (
    <div className="room" data-kind={asset.kind} data-testid="room" data-asset-id={asset.id}>
      <VersionRealtime versionId={version.id} since={version.lastEventCursor ?? null} />
      <div className="room-stage">
        <div className="room-header">
          <Link to={`/productions/${asset.production.id}`} className="small">
            ← {asset.production.title}
          </Link>
          <h1 className="room-title">
            {asset.episode ? <span className="muted">Ep {asset.episode.number} · </span> : null}
            {asset.title}
          </h1>
          <label className="row small">
            <span className="visually-hidden">Version</span>
            <select
              className="select"
              aria-label="Version"
              value={version.id}
              onChange={(e) => navigate(`/${path}/${e.target.value}`)}
              data-testid="version-select"
            >
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  v{v.number}
                  {v.revision ? ` · ${v.revision.label}` : ""} · {v.status.replace("_", " ").toLowerCase()}
                </option>
              ))}
            </select>
          </label>
          <VersionStatusBadge status={version.status} />
          {headerExtra}
          <span className="spacer" />
          {version.viewerCan.addVersion ? (
            <Link
              className="btn sm"
              to={`/productions/${asset.production.id}/assets/${asset.id}/new-version`}
              data-testid="new-version"
            >
              New version
            </Link>
          ) : null}
          <PresenceAvatars viewers={viewers} />
        </div>
        <NewerVersionBanner version={version} />
        {stage}
      </div>
      <aside className="room-side" aria-label="Notes and review">
        <div className="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === "notes"}
            onClick={() => setTab("notes")}
            id="tab-notes"
          >
            Notes{" "}
            <span className="muted">{version.noteCounts.open + version.noteCounts.inProgress} open</span>
          </button>
          <button
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === "review"}
            onClick={() => setTab("review")}
            id="tab-review"
            data-testid="tab-review"
          >
            Review
          </button>
        </div>
        <div role="tabpanel" aria-labelledby="tab-notes" hidden={tab !== "notes"} className="side-panel">
          {notes}
        </div>
        <div
          role="tabpanel"
          aria-labelledby="tab-review"
          hidden={tab !== "review"}
          className="side-panel scroll"
        >
          <ReviewPanel version={version} label={`${asset.title} v${version.number}`} />
        </div>
      </aside>
    </div>
  );
}
