import { registerEnumType } from "type-graphql";

export enum MarkerFormat {
  CMX3600_EDL = "CMX3600_EDL",
  RESOLVE_EDL = "RESOLVE_EDL",
  AVID_TXT = "AVID_TXT",
  FCP7_XML = "FCP7_XML",
  CSV = "CSV",
}

registerEnumType(MarkerFormat, {
  name: "MarkerFormat",
  description: "Marker/EDL formats for editing systems.",
});
