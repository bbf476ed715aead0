/** Parent ↔ loader messages (IPC, structured clone). */
export type ToLoader =
  | {
      t: "connect";
      url: string;
      /** Total sockets this loader should hold after the call. */
      target: number;
      mode: "graphql" | "bare";
      tokens: string[];
      query: string;
      variables: Record<string, unknown>;
    }
  | { t: "shrink"; target: number }
  | { t: "count"; k: number }
  | { t: "record"; on: boolean }
  | { t: "clock" }
  | { t: "exit" };

export type FromLoader =
  | { t: "ready" }
  | { t: "connected"; total: number; failed: number; errors: string[] }
  | { t: "shrunk"; total: number }
  | { t: "count"; k: number; sockets: number }
  | { t: "recording" }
  /** Arrival wall-clock times per event marker, and the byte size of the frames seen. */
  | { t: "arrivals"; byK: Map<number, Float64Array>; frameBytes: number; other: Record<string, number> }
  | { t: "clock"; now: number };
