import type { Shape } from "./shapes";

/** The editor's shapes with undo and redo; clear is undoable too (it is one step back to the shapes). */
export interface History {
  readonly past: readonly (readonly Shape[])[];
  readonly present: readonly Shape[];
  readonly future: readonly (readonly Shape[])[];
}

export type HistoryAction =
  | { type: "add"; shape: Shape }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "clear" }
  | { type: "reset"; shapes: readonly Shape[] };

export const initialHistory = (shapes: readonly Shape[] = []): History => ({
  past: [],
  present: shapes,
  future: [],
});

export function historyReducer(h: History, a: HistoryAction): History {
  switch (a.type) {
    case "add":
      return { past: [...h.past, h.present], present: [...h.present, a.shape], future: [] };
    case "undo": {
      const prev = h.past[h.past.length - 1];
      return prev ? { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] } : h;
    }
    case "redo": {
      const [next, ...rest] = h.future;
      return next ? { past: [...h.past, h.present], present: next, future: rest } : h;
    }
    case "clear":
      return h.present.length ? { past: [...h.past, h.present], present: [], future: [] } : h;
    case "reset":
      return initialHistory(a.shapes);
  }
}
