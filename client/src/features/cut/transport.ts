/**
 * J/K/L shuttle as a pure state machine (the editing-room convention):
 * L plays forward and each further L doubles the speed (1x, 2x, 4x, 8x); J does the same backwards;
 * K pauses; with K held, J or L steps one frame.
 */
export interface ShuttleState {
  /** Signed speed: 0 paused, 1 normal forward, -2 double speed backwards, ... */
  readonly speed: number;
  readonly kHeld: boolean;
}

export type TransportAction =
  | { readonly type: "play"; readonly speed: number }
  | { readonly type: "pause" }
  | { readonly type: "step"; readonly frames: number }
  | { readonly type: "none" };

export const MAX_SHUTTLE = 8;
export const initialShuttle: ShuttleState = { speed: 0, kHeld: false };

export function shuttle(
  state: ShuttleState,
  key: "j" | "k" | "l" | "k-up",
): { state: ShuttleState; action: TransportAction } {
  switch (key) {
    case "k":
      return { state: { speed: 0, kHeld: true }, action: { type: "pause" } };
    case "k-up":
      return { state: { ...state, kHeld: false }, action: { type: "none" } };
    case "j":
    case "l": {
      const dir = key === "l" ? 1 : -1;
      if (state.kHeld) return { state: { speed: 0, kHeld: true }, action: { type: "step", frames: dir } };
      const sameDirection = Math.sign(state.speed) === dir;
      const magnitude = sameDirection ? Math.min(MAX_SHUTTLE, Math.abs(state.speed) * 2) : 1;
      const speed = dir * magnitude;
      return { state: { speed, kHeld: false }, action: { type: "play", speed } };
    }
  }
}

/** Clamp a target frame into the media. */
export function clampFrame(frame: number, durationFrames: number | null | undefined): number {
  const max = durationFrames && durationFrames > 0 ? durationFrames - 1 : Number.MAX_SAFE_INTEGER;
  return Math.max(0, Math.min(max, Math.round(frame)));
}
