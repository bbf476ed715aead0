import { registerEnumType } from "type-graphql";

export enum MarkerFormat {
  CMX3600_EDL = "CMX3600_EDL",
  RESOLVE_EDL = "RESOLVE_EDL",
  AVID_TXT = "AVID_TXT",
  FCP7_XML = "FCP7_XML",
  CSV = "CSV",
  OTIO = "OTIO",
}

registerEnumType(MarkerFormat, {
  name: "MarkerFormat",
  description: "Marker/EDL formats for editing systems (docs/exports.md).",
  valuesConfig: {
    CMX3600_EDL: { description: "CMX3600 EDL with * LOC: locators (Avid, Premiere, Resolve, OTIO)." },
    RESOLVE_EDL: { description: "DaVinci Resolve marker EDL; 999 markers per file (see exportMarkerParts)." },
    AVID_TXT: { description: "Avid Media Composer marker list (tab-separated)." },
    FCP7_XML: { description: "FCP7 XML (xmeml 4) sequence with markers, as Premiere Pro imports it." },
    CSV: { description: "RFC 4180 CSV; `excel: true` adds a byte-order mark." },
    OTIO: { description: "OpenTimelineIO JSON (.otio): timeline, media clip and markers with metadata." },
  },
});
