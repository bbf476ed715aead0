import { useApolloClient } from "@apollo/client/react";
import { strToU8, zipSync } from "fflate";
import { useState } from "react";
import type { MarkerFormat } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { ExportMarkerPartsDocument, ExportMarkersDocument } from "../graphql/operations";

/** Menu entries (docs/exports.md says what each editing system gets from each). */
const FORMATS: readonly { key: string; format: MarkerFormat; label: string; ext: string; excel?: boolean }[] =
  [
    { key: "AVID_TXT", format: "AVID_TXT", label: "Avid markers (.txt)", ext: "txt" },
    { key: "RESOLVE_EDL", format: "RESOLVE_EDL", label: "Resolve markers (.edl; .zip past 999)", ext: "edl" },
    { key: "CMX3600_EDL", format: "CMX3600_EDL", label: "CMX3600 EDL (.edl)", ext: "edl" },
    { key: "FCP7_XML", format: "FCP7_XML", label: "Premiere / FCP7 XML (.xml)", ext: "xml" },
    { key: "OTIO", format: "OTIO", label: "OpenTimelineIO (.otio)", ext: "otio" },
    { key: "CSV", format: "CSV", label: "CSV (.csv)", ext: "csv" },
    { key: "CSV_EXCEL", format: "CSV", label: "CSV for Excel (.csv)", ext: "csv", excel: true },
  ];

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

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

  // Always fresh: markers must include notes added a moment ago. One export per request (server rule).
  const fetchPart = async (format: MarkerFormat, excel: boolean, part: number) => {
    const { data } = await client.query({
      query: ExportMarkersDocument,
      variables: { versionId, format, part, excel },
      fetchPolicy: "network-only",
    });
    return data?.version?.exportMarkers ?? "";
  };

  const exportAs = async (key: string) => {
    const spec = FORMATS.find((f) => f.key === key);
    if (!spec) return;
    setBusy(true);
    setError(null);
    const name = fileBase.replace(/[^\w.-]+/g, "_");
    try {
      // Resolve's EDL holds 999 events: more markers come as numbered files in one zip.
      const parts =
        spec.format === "RESOLVE_EDL"
          ? ((
              await client.query({
                query: ExportMarkerPartsDocument,
                variables: { versionId, format: spec.format },
                fetchPolicy: "network-only",
              })
            ).data?.version?.exportMarkerParts ?? 1)
          : 1;
      if (parts === 1) {
        const text = await fetchPart(spec.format, spec.excel ?? false, 1);
        download(new Blob([text], { type: "text/plain;charset=utf-8" }), `${name}.${spec.ext}`);
      } else {
        const files: Record<string, Uint8Array> = {};
        for (let p = 1; p <= parts; p++) {
          files[`${name}-part${String(p).padStart(2, "0")}.${spec.ext}`] = strToU8(
            await fetchPart(spec.format, false, p),
          );
        }
        download(
          new Blob([zipSync(files) as BlobPart], { type: "application/zip" }),
          `${name}-resolve-markers.zip`,
        );
      }
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
        onChange={(e) => void exportAs(e.target.value)}
      >
        <option value="">{busy ? "Exporting…" : error ? "Export failed — retry" : "Export markers…"}</option>
        {FORMATS.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
    </label>
  );
}
