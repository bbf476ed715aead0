import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import type { AssetKind } from "../../../gql/graphql";
import { CreateAssetDocument, ProductionPageDocument } from "../../productions/graphql/operations";
import { Field } from "./Field";
import { FormProblem } from "./FormProblem";
import { useFormErrors } from "./useFormErrors";

const KIND_LABEL: Record<AssetKind, string> = { SCRIPT: "Script", CUT: "Cut", MIX: "Mix" };

interface Props {
  productionId: string;
  /** The kinds this viewer may create (from `viewerCan`). */
  kinds: readonly AssetKind[];
  episodes: readonly { id: string; number: number; title: string }[];
}

/** A new script, cut or mix; then straight to its first version's form. */
export function CreateAssetForm({ productionId, kinds, episodes }: Props) {
  const navigate = useNavigate();
  const [kind, setKind] = useState<AssetKind>(kinds[0] ?? "SCRIPT");
  const [title, setTitle] = useState("");
  const [episodeId, setEpisodeId] = useState("");
  const { form, errors, problem, rejectLocally, rejectedByServer } = useFormErrors();
  const [createAsset, { loading }] = useMutation(CreateAssetDocument, {
    refetchQueries: [{ query: ProductionPageDocument, variables: { id: productionId } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (rejectLocally(title.trim() ? {} : { title: "Required" })) return;
    try {
      const r = await createAsset({
        variables: { input: { productionId, kind, title: title.trim(), episodeId: episodeId || null } },
      });
      const id = r.data?.createAsset.id;
      if (id) navigate(`/productions/${productionId}/assets/${id}/new-version`);
    } catch (err) {
      rejectedByServer(err, (field) => ["kind", "title", "episodeId"].includes(field));
    }
  };

  return (
    <form ref={form} className="stack authoring" onSubmit={submit} aria-label="Create an asset" noValidate>
      <h3 className="small muted">New script, cut or mix</h3>
      <div className="form-grid">
        <Field id="asset-kind" label="Kind" error={errors.kind}>
          {(a) => (
            <select
              {...a}
              className="select"
              value={kind}
              onChange={(e) => setKind(e.target.value as AssetKind)}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABEL[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="asset-title" label="Title" error={errors.title}>
          {(a) => <input {...a} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="asset-episode" label="Episode" error={errors.episodeId}>
          {(a) => (
            <select
              {...a}
              className="select"
              value={episodeId}
              onChange={(e) => setEpisodeId(e.target.value)}
            >
              <option value="">Production-wide</option>
              {[...episodes]
                .sort((x, y) => x.number - y.number)
                .map((ep) => (
                  <option key={ep.id} value={ep.id}>
                    Episode {ep.number} · {ep.title}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </div>
      <FormProblem message={problem} />
      <div className="row">
        <button type="submit" className="btn primary sm" disabled={loading}>
          Create and add first version
        </button>
      </div>
    </form>
  );
}
