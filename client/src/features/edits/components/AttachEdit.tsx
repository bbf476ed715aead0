import { useMutation, useQuery } from "@apollo/client/react";
import { useId, useState } from "react";
import type { EditFormat } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { AttachEditDocument, VersionEditDocument } from "../graphql/operations";

/** .otio (and .json) files are OpenTimelineIO; anything else is read as a CMX3600 EDL. */
export function editFormatOf(fileName: string): EditFormat {
  return /\.(otio|json)$/i.test(fileName) ? "OTIO" : "CMX3600_EDL";
}

/**
 * The cut's edit: which EDL/OTIO is attached (events, warnings), and for the cut's makers an upload that
 * attaches or replaces it. A refused file shows the server's message, which names the line or JSON path.
 */
export function AttachEdit({ versionId, canAttach }: { versionId: string; canAttach: boolean }) {
  const inputId = useId();
  const { data } = useQuery(VersionEditDocument, { variables: { versionId } });
  const [error, setError] = useState<string | null>(null);
  const [attach, { loading }] = useMutation(AttachEditDocument, {
    update(cache, result) {
      const edit = result.data?.attachEdit;
      if (!edit) return;
      cache.writeQuery({
        query: VersionEditDocument,
        variables: { versionId },
        data: { __typename: "Query", version: { __typename: "Version", id: versionId, edit } },
      });
    },
  });
  const edit = data?.version?.edit ?? null;

  const upload = async (file: File) => {
    setError(null);
    try {
      const text = await file.text();
      await attach({
        variables: { input: { versionId, format: editFormatOf(file.name), text, fileName: file.name } },
      });
    } catch (e) {
      setError(describeError(e).message);
    }
  };

  const summary = edit
    ? `${edit.fileName ?? edit.name ?? "Edit"} · ${edit.eventCount} event${edit.eventCount === 1 ? "" : "s"}`
    : "No edit";
  const title = edit
    ? [
        `${edit.format === "OTIO" ? "OTIO" : "EDL"} attached by ${edit.attachedBy.name}`,
        ...edit.warnings,
      ].join("\n")
    : "No EDL or OTIO attached to this cut";
  return (
    <div className="row small" data-testid="cut-edit">
      <span className="badge plain" title={title} data-testid="cut-edit-summary">
        {summary}
        {edit?.warnings.length
          ? ` · ${edit.warnings.length} warning${edit.warnings.length === 1 ? "" : "s"}`
          : ""}
      </span>
      {canAttach ? (
        <label className="btn sm ghost" htmlFor={inputId}>
          {loading ? "Reading…" : edit ? "Replace edit…" : "Attach edit…"}
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept=".edl,.otio,.json,text/plain,application/json"
            aria-label="Attach the cut's EDL or OTIO"
            disabled={loading}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void upload(file);
            }}
          />
        </label>
      ) : null}
      {error ? (
        <span role="alert" className="small field-error" data-testid="cut-edit-error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
