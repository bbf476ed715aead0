import { Link } from "react-router";
import type { AssetKind, AssetRowFragment } from "../../../gql/graphql";
import { timeAgo } from "../../../lib/format";
import { VersionStatusBadge } from "../../review/components/VersionStatusBadge";
import { revisionTint } from "../../script/components/ScreenplayView";
import { KIND_PATH } from "../../versions/components/ReviewRoomLayout";

const KINDS: readonly { kind: AssetKind; label: string }[] = [
  { kind: "SCRIPT", label: "Scripts" },
  { kind: "CUT", label: "Cuts" },
  { kind: "MIX", label: "Mixes" },
];

interface EpisodeRef {
  readonly id: string;
  readonly number: number;
  readonly title: string;
}

/** Assets grouped by episode, then by kind, each with its latest version's status. */
export function AssetsCard({
  productionId,
  assets,
  episodes,
  canAddVersion,
}: {
  productionId: string;
  assets: readonly AssetRowFragment[];
  episodes: readonly EpisodeRef[];
  /** Kinds the viewer may add versions to. */
  canAddVersion: readonly AssetKind[];
}) {
  const groups: { key: string; title: string; assets: AssetRowFragment[] }[] = [
    ...[...episodes]
      .sort((a, b) => a.number - b.number)
      .map((e) => ({
        key: e.id,
        title: `Episode ${e.number} · ${e.title}`,
        assets: assets.filter((a) => a.episode?.id === e.id),
      })),
    {
      key: "none",
      title: episodes.length ? "Production-wide" : "Assets",
      assets: assets.filter((a) => !a.episode),
    },
  ].filter((g) => g.assets.length > 0);

  return (
    <section className="card" aria-labelledby="assets-title">
      <h2 id="assets-title">Episodes and assets</h2>
      {groups.length === 0 ? <p className="empty">No scripts, cuts or mixes yet.</p> : null}
      {groups.map((g) => (
        <section key={g.key} className="asset-group">
          <h3>{g.title}</h3>
          {KINDS.map(({ kind, label }) => {
            const list = g.assets.filter((a) => a.kind === kind);
            if (list.length === 0) return null;
            return (
              <div key={kind} className="asset-kind">
                <h4 className="small muted">{label}</h4>
                <ul className="asset-list">
                  {list.map((a) => {
                    const v = a.latestVersion;
                    const content = (
                      <>
                        <span className="asset-title">{a.title}</span>
                        {v?.revision ? (
                          <span className="row small muted">
                            <span
                              className="swatch"
                              style={{ background: revisionTint(v.revision.color) }}
                              aria-hidden="true"
                            />
                            {v.revision.label}
                          </span>
                        ) : null}
                        <span className="spacer" />
                        {v ? (
                          <>
                            <span className="small muted">
                              v{v.number} · {timeAgo(v.createdAt)}
                            </span>
                            <VersionStatusBadge status={v.status} />
                          </>
                        ) : (
                          <span className="small muted">No versions yet</span>
                        )}
                      </>
                    );
                    return (
                      <li key={a.id}>
                        {v ? (
                          <Link
                            className="asset-row row"
                            to={`/${KIND_PATH[a.kind]}/${v.id}`}
                            data-testid={`asset-${a.kind}`}
                          >
                            {content}
                          </Link>
                        ) : (
                          <div className="asset-row row">{content}</div>
                        )}
                        {canAddVersion.includes(a.kind) ? (
                          <Link
                            className="btn ghost sm"
                            to={`/productions/${productionId}/assets/${a.id}/new-version`}
                            aria-label={`Add a version of ${a.title}`}
                          >
                            + Version
                          </Link>
                        ) : null}
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}
