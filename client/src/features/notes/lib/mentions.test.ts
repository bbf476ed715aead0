import { describe, expect, it } from "vitest";
import { activeMention, applyMention, type MentionMember, mentionCandidates, userHandle } from "./mentions";

const members: MentionMember[] = [
  { role: "DIRECTOR", user: { id: "1", name: "Dora Director", email: "director@demo.greenlight" } },
  { role: "SOUND_DESIGNER", user: { id: "2", name: "Sam Sound", email: "sound-designer@demo.greenlight" } },
  { role: "EDITOR", user: { id: "3", name: "Eddie Editor", email: "editor@demo.greenlight" } },
];

describe("activeMention", () => {
  it("finds the @word before the caret", () => {
    expect(activeMention("hey @so", 7)).toEqual({ start: 4, query: "so" });
    expect(activeMention("@", 1)).toEqual({ start: 0, query: "" });
  });
  it("ignores emails and finished mentions", () => {
    expect(activeMention("mail a@b", 8)).toBeNull();
    expect(activeMention("@dora hi", 8)).toBeNull();
  });
});

describe("mentionCandidates", () => {
  it("matches people by name and roles by their server handles", () => {
    const c = mentionCandidates("so", members);
    expect(c.map((x) => x.handle).sort()).toEqual(["sam.sound", "sound_designer"]);
  });
  it("matches word starts inside names", () => {
    expect(
      mentionCandidates("edi", members)
        .map((x) => x.key)
        .sort(),
    ).toEqual(["r:EDITOR", "u:3"]);
  });
  it("lists everyone for a bare @", () => {
    expect(mentionCandidates("", members).length).toBe(6);
  });
});

describe("userHandle", () => {
  it("matches the server's handle of a name", () => {
    expect(userHandle("  Zoë  Saldaña ")).toBe("zoe.saldana");
  });
});

describe("applyMention", () => {
  it("replaces the query with the handle and moves the caret after it", () => {
    const [first] = mentionCandidates("dor", members);
    if (!first) throw new Error("no candidate");
    expect(applyMention("ask @dor about it", 8, first)).toEqual({
      text: "ask @dora.director  about it",
      caret: 19,
    });
  });
});
