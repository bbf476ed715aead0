import { describe, expect, it } from "vitest";
import { handleOfName, handleOfRole, roleOfHandle } from "./mentions.js";

const ROLES = ["EDITOR", "SOUND_DESIGNER", "WRITER"] as const;

describe("mention handles", () => {
  it("writes a name in lower case, accents dropped, spaces as dots", () => {
    expect(handleOfName("Maya Chen")).toBe("maya.chen");
    expect(handleOfName("  Zoë  O'Brien-Smith ")).toBe("zoe.o'brien-smith");
    expect(handleOfName("Ana (Sound)")).toBe("ana.sound");
  });

  it("writes a role in lower case, and reads it back singular or plural", () => {
    expect(handleOfRole("SOUND_DESIGNER")).toBe("sound_designer");
    expect(roleOfHandle("sound_designer", ROLES)).toBe("SOUND_DESIGNER");
    expect(roleOfHandle("writers", ROLES)).toBe("WRITER");
    expect(roleOfHandle("maya.chen", ROLES)).toBeNull();
    expect(roleOfHandle("s", ROLES)).toBeNull();
  });
});
