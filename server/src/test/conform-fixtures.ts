import { cutsOnlyEdl, type EdlRow } from "../edits/edl.compose.js";
import { gqlAs } from "./domain-factories.js";
import type { BuiltUser } from "./factories.js";
import { expectData, type TestServer } from "./harness.js";

/**
 * The recut the API conform tests share (cuts and mixes follow it alike): 24 fps from 01:00:00:00,
 * SC1 5 s, SC2 4 s, SC3 6 s; v2 swaps SC2 and SC3; a mistaken v2 leaves SC2 out.
 */
const SC1: EdlRow = ["A001", "10:00:00:00", "10:00:05:00", "01:00:00:00", "01:00:05:00", "SC1"];
export const RECUT_V1 = cutsOnlyEdl("V1", [
  SC1,
  ["B001", "11:00:00:00", "11:00:04:00", "01:00:05:00", "01:00:09:00", "SC2"],
  ["C001", "12:00:00:00", "12:00:06:00", "01:00:09:00", "01:00:15:00", "SC3"],
]);
export const RECUT_V2 = cutsOnlyEdl("V2 REORDER", [
  SC1,
  ["C001", "12:00:00:00", "12:00:06:00", "01:00:05:00", "01:00:11:00", "SC3"],
  ["B001", "11:00:00:00", "11:00:04:00", "01:00:11:00", "01:00:15:00", "SC2"],
]);
export const RECUT_V2_WRONG = cutsOnlyEdl("V2 WRONG", [
  SC1,
  ["C001", "12:00:00:00", "12:00:06:00", "01:00:05:00", "01:00:11:00", "SC3"],
]);

export const RECUT_TIMING = { frameRate: "FPS_24", startTimecode: "01:00:00:00", durationFrames: 360 };

export const ATTACH_EDIT = `mutation($input: AttachEditInput!) { attachEdit(input: $input) { revision } }`;

/** Version.carriedNotes with what the conform tests compare. */
const CARRIED_NOTES = `query($v: ID!) { version(id: $v) { carriedNotes(first: 50) { edges { node {
  outcome method detail run note { body }
  anchor { ... on TimeAnchor { startFrame endFrame startTimecode stem } }
  previousAnchor { ... on TimeAnchor { startFrame startTimecode } }
} } } } }`;

export interface CarriedTime {
  outcome: string;
  method: string;
  detail: string | null;
  run: number;
  anchor: { startFrame: number; endFrame: number; startTimecode: string; stem: string | null };
  previousAnchor: { startFrame: number; startTimecode: string };
  note: { body: string };
}

/** The version's current carries, in the order they were mapped. */
export async function carriedOn(
  server: TestServer,
  user: BuiltUser,
  versionId: string,
): Promise<CarriedTime[]> {
  const res = await gqlAs<{ version: { carriedNotes: { edges: { node: CarriedTime }[] } } }>(
    server,
    user,
    CARRIED_NOTES,
    { v: versionId },
  );
  return expectData(res).version.carriedNotes.edges.map((e) => e.node);
}
