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

registerEnumType(Role, { name: "Role", description: "A member's role in one production." });
registerEnumType(ProductionStage, { name: "ProductionStage" });
registerEnumType(ProductionKind, { name: "ProductionKind" });
