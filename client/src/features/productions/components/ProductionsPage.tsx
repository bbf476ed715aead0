import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ErrorState, Loading } from "../../../app/ErrorState";
import type { ProductionKind } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { enumLabel } from "../../../lib/format";
import { ROLE_LABEL } from "../../notes/lib/mentions";
import { CreateProductionDocument, ProductionsDocument } from "../graphql/operations";
import { STAGE_LABEL } from "./StagePipeline";

export function ProductionsPage() {
  const { data, loading, error, refetch } = useQuery(ProductionsDocument);
  const [creating, setCreating] = useState(false);
  if (error && !data) return <ErrorState error={error} onRetry={() => void refetch()} />;
  if (loading && !data) return <Loading />;
  const productions = data?.productions ?? [];
  return (
    <div className="page">
      <div className="row">
        <h1>Productions</h1>
        <span className="spacer" />
        <button type="button" className="btn primary" onClick={() => setCreating((c) => !c)}>
          New production
        </button>
      </div>
      {creating ? <CreateProduction onDone={() => setCreating(false)} /> : null}
      {productions.length === 0 ? (
        <p className="empty card">
          You're not in any production yet. Create one, or ask a showrunner to invite you.
        </p>
      ) : (
        <ul className="production-grid" data-testid="productions">
          {productions.map((p) => (
            <li key={p.id}>
              <Link to={`/productions/${p.id}`} className="card production-card">
                <span className="small muted">{enumLabel(p.kind)}</span>
                <h2>{p.title}</h2>
                <div className="row small">
                  <span className="badge plain">{STAGE_LABEL[p.stage]}</span>
                  <span className="muted">{p.members.length} members</span>
                  <span className="spacer" />
                  {p.myRole ? <span className="muted">You: {ROLE_LABEL[p.myRole]}</span> : null}
                </div>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CreateProduction({ onDone }: { onDone: () => void }) {
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<ProductionKind>("SERIES");
  const [error, setError] = useState<string | null>(null);
  const navigate = useNavigate();
  const [create, { loading }] = useMutation(CreateProductionDocument, {
    refetchQueries: [ProductionsDocument],
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await create({ variables: { input: { title: title.trim(), kind } } });
      onDone();
      if (r.data) navigate(`/productions/${r.data.createProduction.id}`);
    } catch (err) {
      setError(describeError(err).message);
    }
  };
  return (
    <form className="card row wrap" onSubmit={submit} aria-label="New production">
      <label className="field" style={{ flex: 1 }}>
        Title
        <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label className="field">
        Kind
        <select className="select" value={kind} onChange={(e) => setKind(e.target.value as ProductionKind)}>
          <option value="SERIES">Series</option>
          <option value="FILM">Film</option>
          <option value="SPECIAL">Special</option>
        </select>
      </label>
      <button type="submit" className="btn primary" disabled={loading || !title.trim()}>
        Create
      </button>
      {error ? <p className="alert small">{error}</p> : null}
    </form>
  );
}
