import { useQuery } from "@apollo/client/react";
import { useParams } from "react-router";
import { ErrorState, Loading } from "../../../app/ErrorState";
import { notFound } from "../../../lib/errors";
import { enumLabel } from "../../../lib/format";
import { ROLE_LABEL } from "../../notes/lib/mentions";
import type { AssetKind } from "../../../gql/graphql";
import { AddEpisodeForm } from "../../authoring/components/AddEpisodeForm";
import { CreateAssetForm } from "../../authoring/components/CreateAssetForm";
import { ProductionPageDocument } from "../graphql/operations";
import { ActivityFeed, ProductionRealtime } from "./ActivityFeed";
import { AssetsCard } from "./AssetsCard";
import { MembersCard } from "./MembersCard";
import { StagePipeline } from "./StagePipeline";

export function ProductionPage() {
  const { productionId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(ProductionPageDocument, {
    variables: { id: productionId },
  });
  const p = data?.production;
  if (!p) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    if (loading) return <Loading />;
    return <ErrorState problem={notFound("production")} />;
  }
  const can = p.viewerCan;
  const kinds: AssetKind[] = [
    ...(can.createScript ? (["SCRIPT"] as const) : []),
    ...(can.createCut ? (["CUT"] as const) : []),
    ...(can.createMix ? (["MIX"] as const) : []),
  ];
  const nextEpisode = Math.max(0, ...p.episodes.map((e) => e.number)) + 1;
  return (
    <div className="page">
      <ProductionRealtime productionId={p.id} since={p.lastEventCursor ?? null} />
      <header className="stack" style={{ gap: "var(--sp-2)" }}>
        <span className="small muted">
          {enumLabel(p.kind)}
          {p.myRole ? ` · you are ${ROLE_LABEL[p.myRole]}` : ""}
        </span>
        <h1 data-testid="production-title">{p.title}</h1>
      </header>
      <StagePipeline productionId={p.id} stage={p.stage} canSet={p.viewerCan.setStage} />
      <div className="grid-2">
        <div className="stack">
          <AssetsCard productionId={p.id} assets={p.assets} episodes={p.episodes} canAddVersion={kinds} />
          {can.addEpisode || kinds.length ? (
            <section className="card" aria-labelledby="authoring-title">
              <h2 id="authoring-title">Add to this production</h2>
              {can.addEpisode ? <AddEpisodeForm productionId={p.id} nextNumber={nextEpisode} /> : null}
              {kinds.length ? (
                <CreateAssetForm productionId={p.id} kinds={kinds} episodes={p.episodes} />
              ) : null}
            </section>
          ) : null}
        </div>
        <div className="stack">
          <ActivityFeed productionId={p.id} />
          <MembersCard productionId={p.id} members={p.members} canInvite={p.viewerCan.addMember} />
        </div>
      </div>
    </div>
  );
}
