import { describe, expect, it } from "vitest";
import { activeMention, applyMention, mentionCandidates, type MentionMember } from "./mentions";

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
  it("matches people by name or handle, then roles", () => {
    const c = mentionCandidates("so", members);
    expect(c.map((x) => x.key)).toEqual(["u:2", "r:SOUND_DESIGNER"]);
    expect(c[1]?.handle).toBe("sound-designer");
  });
  it("matches word starts inside names", () => {
    expect(mentionCandidates("edi", members).map((x) => x.key)).toEqual(["u:3", "r:EDITOR"]);
  });
  it("lists everyone for a bare @", () => {
    expect(mentionCandidates("", members).length).toBe(6);
  });
});

describe("applyMention", () => {
  it("replaces the query with the handle and moves the caret after it", () => {
    const [first] = mentionCandidates("dor", members);
    if (!first) throw new Error("no candidate");
    expect(applyMention("ask @dor about it", 8, first)).toEqual({
      text: "ask @director  about it",
      caret: 14,
    });
  });
});
