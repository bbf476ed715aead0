import { useQuery } from "@apollo/client/react";
import { useParams } from "react-router";
import { ErrorState, Loading } from "../../../app/ErrorState";
import { notFound } from "../../../lib/errors";
import { enumLabel } from "../../../lib/format";
import { ROLE_LABEL } from "../../notes/lib/mentions";
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
  return (
    <div className="page">
      <ProductionRealtime productionId={p.id} />
      <header className="stack" style={{ gap: "var(--sp-2)" }}>
        <span className="small muted">
          {enumLabel(p.kind)}
          {p.myRole ? ` · you are ${ROLE_LABEL[p.myRole]}` : ""}
        </span>
        <h1 data-testid="production-title">{p.title}</h1>
      </header>
      <StagePipeline productionId={p.id} stage={p.stage} canSet={p.viewerCan.setStage} />
      <div className="grid-2">
        <AssetsCard assets={p.assets} episodes={p.episodes} />
        <div className="stack">
          <ActivityFeed productionId={p.id} />
          <MembersCard productionId={p.id} members={p.members} canInvite={p.viewerCan.addMember} />
        </div>
      </div>
    </div>
  );
}
