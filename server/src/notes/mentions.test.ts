import { describe, expect, it } from "vitest";
import { Role } from "../productions/production.enums.js";
import { handleOfName } from "@greenlight/common/mentions";
import { parseMentions } from "./mentions.js";

const members = [
  { userId: "u1", name: "Maya Chen", email: "maya@studio.example" },
  { userId: "u2", name: "José Álvarez", email: "jalvarez@studio.example" },
];

describe("mentions", () => {
  it("derives handles from names", () => {
    expect(handleOfName("Maya Chen")).toBe("maya.chen");
    expect(handleOfName("José Álvarez")).toBe("jose.alvarez");
  });

  it("resolves members by name handle or email local part, and roles", () => {
    const m = parseMentions(
      "@maya.chen and @jalvarez, please loop in @editor and @sound_designers.",
      members,
    );
    expect(m).toEqual([
      { kind: "USER", label: "@maya.chen", userId: "u1", role: null },
      { kind: "USER", label: "@jalvarez", userId: "u2", role: null },
      { kind: "ROLE", label: "@editor", userId: null, role: Role.EDITOR },
      { kind: "ROLE", label: "@sound_designers", userId: null, role: Role.SOUND_DESIGNER },
    ]);
  });

  it("ignores unknown handles, emails and duplicates", () => {
    const m = parseMentions("mail maya@studio.example, @nobody, @Maya.Chen @maya", members);
    expect(m).toEqual([{ kind: "USER", label: "@Maya.Chen", userId: "u1", role: null }]);
  });
});
