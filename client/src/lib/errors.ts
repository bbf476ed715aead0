import { CombinedGraphQLErrors, ServerError } from "@apollo/client";

export type ProblemKind =
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  | "invalid"
  | "conflict"
  | "network"
  | "unknown";

export interface Problem {
  readonly kind: ProblemKind;
  readonly title: string;
  readonly message: string;
}

const byCode: Record<string, ProblemKind> = {
  UNAUTHENTICATED: "unauthenticated",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "not-found",
  BAD_USER_INPUT: "invalid",
  CONFLICT: "conflict",
};

const titles: Record<ProblemKind, string> = {
  unauthenticated: "Signed out",
  forbidden: "Not allowed",
  "not-found": "Not found",
  invalid: "Check the input",
  conflict: "Out of date",
  network: "Can't reach Greenlight",
  unknown: "Something went wrong",
};

/** Turns any request error into the closed vocabulary of the contract, with a message fit for the UI. */
export function describeError(error: unknown): Problem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = typeof first?.extensions?.code === "string" ? first.extensions.code : "";
    const kind = byCode[code] ?? "unknown";
    return { kind, title: titles[kind], message: first?.message ?? "The server refused the request." };
  }
  if (ServerError.is(error)) {
    const kind: ProblemKind = error.statusCode >= 500 ? "network" : "unknown";
    return { kind, title: titles[kind], message: `The server answered ${error.statusCode}.` };
  }
  if (error instanceof TypeError || (error instanceof Error && /fetch|network/i.test(error.message))) {
    return {
      kind: "network",
      title: titles.network,
      message: "Check your connection; we'll keep your place.",
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "unknown", title: titles.unknown, message };
}

/** A not-found problem for single-object queries, which answer null rather than an error. */
export function notFound(what: string): Problem {
  return {
    kind: "not-found",
    title: titles["not-found"],
    message: `This ${what} doesn't exist or you're not a member of its production.`,
  };
}

/**
 * The per-field messages of a BAD_USER_INPUT error (`extensions.fields`), so forms can show each one
 * beside its field; empty for any other error.
 */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!CombinedGraphQLErrors.is(error)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    const fields = e.extensions?.fields;
    if (e.extensions?.code !== "BAD_USER_INPUT" || !fields || typeof fields !== "object") continue;
    for (const [k, v] of Object.entries(fields)) if (typeof v === "string") out[k] = v;
  }
  return out;
}
