import { splitLines } from "@greenlight/common/lines";
import { Role } from "../productions/production.enums.js";

/** Demo accounts: one per role, all with the same documented password. */
export const DEMO_PASSWORD = "greenlight-demo";

export const DEMO_USERS: readonly { role: Role; email: string; name: string }[] = [
  { role: Role.SHOWRUNNER, email: "showrunner@demo.greenlight", name: "Maya Chen" },
  { role: Role.DIRECTOR, email: "director@demo.greenlight", name: "Rafael Ortiz" },
  { role: Role.EDITOR, email: "editor@demo.greenlight", name: "Priya Nair" },
  { role: Role.SOUND_DESIGNER, email: "sound@demo.greenlight", name: "Tomas Silva" },
  { role: Role.WRITER, email: "writer@demo.greenlight", name: "Ada Okafor" },
  { role: Role.PRODUCER, email: "producer@demo.greenlight", name: "Leo Brandt" },
  { role: Role.EXECUTIVE, email: "exec@demo.greenlight", name: "Grace Kim" },
  { role: Role.VIEWER, email: "viewer@demo.greenlight", name: "Sam Rivera" },
];

export const DEMO_TITLE = "How It's Made";

/**
 * The Blue revision of the pilot: a handful of changed lines. Their revision asterisks are computed
 * from the line diff (Version.changedLines), never typed into the text.
 */
const BLUE_CHANGES: readonly [string, string][] = [
  ["Harsh. Fair.", "Harsh. Accurate. Fair."],
  ["Then we write them a fortune they can't refuse.", "Then we bake them a fortune they can't refuse."],
  ["She's the complaint. She wants to know what to do next.", "She's the complaint. She wants a sequel."],
  [
    '"The person across from you has already decided. Ask anyway."',
    '"The answer is no until someone asks twice."',
  ],
  ["I'm asking.", "I'm asking twice."],
  ["[[Note for the room: we should feel how tired June is here, not just hear it.]]\n", ""],
];

export function blueRevision(white: string): string {
  return BLUE_CHANGES.reduce((text, [from, to]) => text.replace(from, to), white).replace(
    "Draft date: White Draft",
    "Draft date: Blue Revision",
  );
}

/** First line (1-based) containing `needle` in the script text; for anchoring seeded notes. */
export function lineOf(text: string, needle: string): number {
  const lines = splitLines(text);
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`Demo script has no line containing "${needle}"`);
  return i + 1;
}
