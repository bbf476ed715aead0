import { useApolloClient } from "@apollo/client/react";
import { useState } from "react";
import type { MarkerFormat } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { ExportMarkersDocument } from "../graphql/operations";

const FORMATS: readonly { format: MarkerFormat; label: string; ext: string }[] = [
  { format: "AVID_TXT", label: "Avid markers (.txt)", ext: "txt" },
  { format: "RESOLVE_EDL", label: "Resolve markers (.edl)", ext: "edl" },
  { format: "CMX3600_EDL", label: "CMX3600 EDL (.edl)", ext: "edl" },
  { format: "FCP7_XML", label: "Premiere / FCP7 XML (.xml)", ext: "xml" },
  { format: "CSV", label: "CSV (.csv)", ext: "csv" },
];

interface MarkedVersion {
  readonly id: string;
  readonly number: number;
  readonly asset: { readonly title: string };
}

/** Notes as markers for the editing system, downloaded as a file named after the asset and version. */
export function ExportMarkers({ version }: { version: MarkedVersion }) {
  const versionId = version.id;
  const fileBase = `${version.asset.title}-v${version.number}`;
  const client = useApolloClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const exportAs = async (format: MarkerFormat) => {
    const spec = FORMATS.find((f) => f.format === format);
    if (!spec) return;
    setBusy(true);
    setError(null);
    try {
      // Always fresh: markers must include notes added a moment ago.
      const { data } = await client.query({
        query: ExportMarkersDocument,
        variables: { versionId, format },
        fetchPolicy: "network-only",
      });
      const text = data?.version?.exportMarkers ?? "";
      const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = `${fileBase.replace(/[^\w.-]+/g, "_")}.${spec.ext}`;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(describeError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <label className="row small" title={error ?? "Export notes as markers"}>
      <span className="visually-hidden">Export markers</span>
      <select
        className="select"
        value=""
        disabled={busy}
        aria-label="Export notes as markers"
        onChange={(e) => void exportAs(e.target.value as MarkerFormat)}
      >
        <option value="">{busy ? "Exporting…" : error ? "Export failed — retry" : "Export markers…"}</option>
        {FORMATS.map((f) => (
          <option key={f.format} value={f.format}>
            {f.label}
          </option>
        ))}
      </select>
    </label>
  );
}
