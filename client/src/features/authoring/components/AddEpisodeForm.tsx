import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { AddEpisodeDocument, ProductionPageDocument } from "../../productions/graphql/operations";
import { Field } from "./Field";
import { FormProblem } from "./FormProblem";
import { useFormErrors } from "./useFormErrors";

/** Number and title of a new episode; numbers are unique per production (the server says so). */
export function AddEpisodeForm({ productionId, nextNumber }: { productionId: string; nextNumber: number }) {
  const [number, setNumber] = useState(String(nextNumber));
  const [title, setTitle] = useState("");
  const { form, errors, problem, rejectLocally, rejectedByServer } = useFormErrors();
  const [addEpisode, { loading }] = useMutation(AddEpisodeDocument, {
    refetchQueries: [{ query: ProductionPageDocument, variables: { id: productionId } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(number);
    const local: Record<string, string> = {};
    if (!Number.isInteger(n) || n < 1) local.number = "A whole number, at least 1";
    if (!title.trim()) local.title = "Required";
    if (rejectLocally(local)) return;
    try {
      await addEpisode({ variables: { productionId, number: n, title: title.trim() } });
      setTitle("");
      setNumber(String(n + 1));
    } catch (err) {
      rejectedByServer(err, (field) => field === "number" || field === "title");
    }
  };

  return (
    <form ref={form} className="stack authoring" onSubmit={submit} aria-label="Add an episode" noValidate>
      <h3 className="small muted">Add an episode</h3>
      <div className="form-grid">
        <Field id="episode-number" label="Number" error={errors.number}>
          {(a) => (
            <input
              {...a}
              className="input"
              inputMode="numeric"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
          )}
        </Field>
        <Field id="episode-title" label="Title" error={errors.title}>
          {(a) => <input {...a} className="input" value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
      </div>
      <FormProblem message={problem} />
      <div className="row">
        <button type="submit" className="btn primary sm" disabled={loading}>
          Add episode
        </button>
      </div>
    </form>
  );
}
