import { registerEnumType } from "type-graphql";

export enum Role {
  SHOWRUNNER = "SHOWRUNNER",
  DIRECTOR = "DIRECTOR",
  EDITOR = "EDITOR",
  SOUND_DESIGNER = "SOUND_DESIGNER",
  WRITER = "WRITER",
  PRODUCER = "PRODUCER",
  EXECUTIVE = "EXECUTIVE",
  VIEWER = "VIEWER",
}

export enum ProductionStage {
  DEVELOPMENT = "DEVELOPMENT",
  SCRIPT = "SCRIPT",
  CASTING = "CASTING",
  PRE_PRODUCTION = "PRE_PRODUCTION",
  FILMING = "FILMING",
  POST_PRODUCTION = "POST_PRODUCTION",
  FINAL_CUT = "FINAL_CUT",
  RELEASED = "RELEASED",
}

export enum ProductionKind {
  SERIES = "SERIES",
  FILM = "FILM",
  SPECIAL = "SPECIAL",
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

registerEnumType(Role, {
  name: "Role",
  description:
    "A member's role in one production; it decides what they may do there (contract.graphql header).",
  valuesConfig: {
    SHOWRUNNER: {
      description:
        "Runs the production: manages members, stages and webhooks, may make any asset, approves everything, locks versions.",
    },
    DIRECTOR: { description: "Makes cuts; approves cuts and mixes." },
    EDITOR: { description: "Picture editor: makes cuts and works their notes." },
    SOUND_DESIGNER: { description: "Makes mixes and works their notes." },
    WRITER: { description: "Writes scripts and works their notes." },
    PRODUCER: { description: "Manages members, stages and webhooks; may make any kind of asset." },
    EXECUTIVE: { description: "Reads and comments (notes, replies); makes and approves nothing." },
    VIEWER: { description: "Read only: no notes, replies or changes." },
  },
});
registerEnumType(ProductionStage, {
  name: "ProductionStage",
  description:
    "Where a production is in its life; informational, any stage may follow any other (setProductionStage).",
  valuesConfig: {
    DEVELOPMENT: { description: "Being developed; every new production starts here." },
    SCRIPT: { description: "Scripts being written." },
    CASTING: { description: "Casting." },
    PRE_PRODUCTION: { description: "Preparing the shoot." },
    FILMING: { description: "Principal photography." },
    POST_PRODUCTION: { description: "Editing, sound, VFX and colour." },
    FINAL_CUT: { description: "Final cut being finished and delivered." },
    RELEASED: { description: "Released." },
  },
});
registerEnumType(ProductionKind, {
  name: "ProductionKind",
  description: "What kind of production this is.",
  valuesConfig: {
    SERIES: { description: "A series, made of episodes." },
    FILM: { description: "A feature or short film." },
    SPECIAL: { description: "A one-off special." },
  },
});
