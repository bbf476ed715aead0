import { cutsOnlyEdl } from "../edits/edl.compose.js";

/**
 * The demo cut's edits (CMX3600, 24 fps from 01:00:00:00, 45 s each). v2 holds the fog 2 s longer
 * (as the editor's reply to the director says), moves the montage before the red light, and trims
 * the diner's tail: the open notes on the red light and the montage follow their shots.
 */
const edl = cutsOnlyEdl;

export const DEMO_CUT_V1_EDL = edl("PILOT EDITORS CUT V1", [
  ["A001C002", "10:00:00:00", "10:00:10:00", "01:00:00:00", "01:00:10:00", "FOG_OPEN"],
  ["B003C001", "11:00:00:00", "11:00:10:00", "01:00:10:00", "01:00:20:00", "RED_LIGHT"],
  ["C001C004", "12:00:00:00", "12:00:15:00", "01:00:20:00", "01:00:35:00", "MONTAGE"],
  ["D002C001", "13:00:00:00", "13:00:10:00", "01:00:35:00", "01:00:45:00", "DINER"],
]);

export const DEMO_CUT_V2_EDL = edl("PILOT EDITORS CUT V2", [
  ["A001C002", "10:00:00:00", "10:00:12:00", "01:00:00:00", "01:00:12:00", "FOG_OPEN"],
  ["C001C004", "12:00:00:00", "12:00:15:00", "01:00:12:00", "01:00:27:00", "MONTAGE"],
  ["B003C001", "11:00:00:00", "11:00:10:00", "01:00:27:00", "01:00:37:00", "RED_LIGHT"],
  ["D002C001", "13:00:00:00", "13:00:08:00", "01:00:37:00", "01:00:45:00", "DINER"],
]);
