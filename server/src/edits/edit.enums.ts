import { registerEnumType } from "type-graphql";

/** The files a cut's edit is read from (docs/exports.md "Reading a cut's edit"). */
export enum EditFormat {
  CMX3600_EDL = "CMX3600_EDL",
  OTIO = "OTIO",
}

export enum TransitionKind {
  CUT = "CUT",
  DISSOLVE = "DISSOLVE",
  WIPE = "WIPE",
  KEY = "KEY",
}

registerEnumType(EditFormat, {
  name: "EditFormat",
  description: "A cut's edit: a CMX3600 EDL or an OpenTimelineIO (.otio) timeline.",
  valuesConfig: {
    CMX3600_EDL: { description: "CMX3600 EDL, drop- or non-drop frame (FCM)." },
    OTIO: { description: "OpenTimelineIO JSON: Timeline.1 with tracks of clips, gaps and transitions." },
  },
});
registerEnumType(TransitionKind, {
  name: "TransitionKind",
  description: "An edit event's incoming transition.",
  valuesConfig: {
    CUT: { description: "A straight cut." },
    DISSOLVE: { description: "A dissolve from the previous event." },
    WIPE: { description: "A wipe from the previous event." },
    KEY: { description: "A key (superimposition)." },
  },
});
