import { useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { ErrorState, Loading } from "../../../app/ErrorState";
import { CompareVersionsDocument } from "../graphql/operations";
import { type CompareView, readCompareTarget } from "../lib/compareLink";
import { CompareCut } from "./CompareCut";
import { CompareScript } from "./CompareScript";

const ROOM: Record<string, string> = { CUT: "cut", MIX: "mix", SCRIPT: "script" };

/** /compare?a=&b=&view=&t= — two versions of one asset. */
export function ComparePage() {
  const { search } = useLocation();
  const [target] = useState(() => readCompareTarget(search));
  const [view, setView] = useState<CompareView>(target?.view ?? "side");
  const { data, error, loading } = useQuery(CompareVersionsDocument, {
    variables: { a: target?.a ?? "", b: target?.b ?? "" },
    skip: !target,
  });
  if (!target)
    return (
      <ErrorState
        problem={{
          kind: "not-found",
          title: "Choose two versions to compare",
          message: "The link needs a= and b=.",
        }}
      />
    );
  if (error) return <ErrorState error={error} />;
  const cmp = data?.compareVersions;
  if (loading || !cmp) return <Loading />;
  return (
    <div className="page compare-page" data-testid="compare-page">
      <header className="row compare-header">
        <Link to={`/${ROOM[cmp.kind] ?? "cut"}/${cmp.b.id}`}>← {cmp.b.asset.title}</Link>
        <h2>
          Compare v{cmp.a.number} ↔ v{cmp.b.number}
        </h2>
      </header>
      {cmp.kind === "SCRIPT" ? (
        <CompareScript cmp={cmp} />
      ) : (
        <CompareCut cmp={cmp} view={view} onView={setView} initialT={target.t ?? null} />
      )}
    </div>
  );
}
