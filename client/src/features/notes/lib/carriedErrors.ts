import { describeError } from "../../../lib/errors";

/**
 * What went wrong acting on a carried note, in words that say what to do: the server's own message
 * names the rule, but not that the list may be out of date (CONFLICT) or whose call it is (FORBIDDEN).
 */
export function carriedProblem(error: unknown, action: "status" | "confirm"): string {
  const problem = describeError(error);
  const what = action === "status" ? "change this note's status" : "mark this note as still applying";
  switch (problem.kind) {
    case "conflict":
      return `Couldn't ${what}: it changed meanwhile (closed, or a version was locked). ${problem.message}`;
    case "forbidden":
      return `You can't ${what} from this version: only its author or the roles that decide on it can. ${problem.message}`;
    default:
      return `Couldn't ${what}. ${problem.message}`;
  }
}
