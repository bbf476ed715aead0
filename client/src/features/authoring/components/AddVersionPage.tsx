import { useMutation, useQuery } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ErrorState, Loading } from "../../../app/ErrorState";
import { notFound } from "../../../lib/errors";
import { ProductionPageDocument } from "../../productions/graphql/operations";
import { KIND_PATH } from "../../versions/components/ReviewRoomLayout";
import { AddVersionDocument } from "../graphql/operations";
import {
  buildVersionInput,
  durationToFrames,
  initialVersionForm,
  type VersionFormState,
  validateVersionForm,
  versionFormShows,
} from "../lib/versionForm";
import { MediaVersionFields } from "./MediaVersionFields";
import { ScriptVersionFields } from "./ScriptVersionFields";
import { FormProblem } from "./FormProblem";
import { useFormErrors } from "./useFormErrors";

/** A new version of one asset; on success the new version's review room opens. */
export function AddVersionPage() {
  const { productionId = "", assetId = "" } = useParams();
  // The production page's query: coming from there, the asset is already in the cache.
  const { data, loading, error, refetch } = useQuery(ProductionPageDocument, {
    variables: { id: productionId },
  });
  const asset = data?.production?.assets.find((a) => a.id === assetId);
  if (!asset || !data?.production) {
    if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
    if (loading) return <Loading />;
    return <ErrorState problem={notFound("asset")} />;
  }
  return (
    <div className="page">
      <Link to={`/productions/${productionId}`} className="small">
        ← {data.production.title}
      </Link>
      <AddVersionForm
        key={asset.id}
        assetId={asset.id}
        kind={asset.kind}
        title={asset.title}
        latest={asset.latestVersion}
      />
    </div>
  );
}

interface FormProps {
  assetId: string;
  kind: "SCRIPT" | "CUT" | "MIX";
  title: string;
  latest:
    | { number: number; revision?: { color: VersionFormState["revisionColor"] } | null }
    | null
    | undefined;
}

function AddVersionForm({ assetId, kind, title, latest }: FormProps) {
  const navigate = useNavigate();
  const [state, setState] = useState(() => initialVersionForm(latest?.revision?.color));
  const { form, errors, setErrors, problem, rejectLocally, rejectedByServer } = useFormErrors();
  const [mediaSeconds, setMediaSeconds] = useState<number | null>(null);
  const [addVersion, { loading }] = useMutation(AddVersionDocument);

  const onChange = (patch: Partial<VersionFormState>) => {
    setState((s) => ({ ...s, ...patch }));
    // A corrected field drops its error; the others stay until the next submit.
    setErrors((e) => {
      const next = { ...e };
      for (const k of Object.keys(patch)) delete next[k];
      return next;
    });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const derived = mediaSeconds === null ? null : durationToFrames(mediaSeconds, state.frameRate);
    const filled =
      !state.durationFrames.trim() && derived !== null
        ? { ...state, durationFrames: String(derived) }
        : state;
    if (rejectLocally(validateVersionForm(kind, filled))) return;
    try {
      const r = await addVersion({ variables: { input: buildVersionInput(assetId, kind, filled) } });
      const id = r.data?.addVersion.id;
      if (id) navigate(`/${KIND_PATH[kind]}/${id}`);
    } catch (err) {
      rejectedByServer(err, (field) => versionFormShows(kind, field));
    }
  };

  const number = (latest?.number ?? 0) + 1;
  return (
    <form
      ref={form}
      className="card stack"
      onSubmit={submit}
      aria-labelledby="add-version-title"
      noValidate
      data-testid="add-version-form"
    >
      <h1 id="add-version-title">
        {title} · new version <span className="muted">v{number}</span>
      </h1>
      {kind === "SCRIPT" ? (
        <ScriptVersionFields state={state} errors={errors} onChange={onChange} />
      ) : (
        <MediaVersionFields
          mix={kind === "MIX"}
          state={state}
          errors={errors}
          onChange={onChange}
          mediaSeconds={mediaSeconds}
          onMediaSeconds={setMediaSeconds}
        />
      )}
      <FormProblem message={problem} />
      <div className="row">
        <span className="spacer" />
        <button type="submit" className="btn primary" disabled={loading}>
          Add version {number}
        </button>
      </div>
    </form>
  );
}
