import { createLoaders } from "../app/loaders.js";
import type { Context } from "../core/context.js";
import type { Role } from "../productions/production.enums.js";

export type Users = Record<Role, { id: string; name: string; email: string }>;

/** A service context acting as one demo user (fresh loaders per call: no stale reads). */
export function as(users: Users, role: Role): Context {
  const u = users[role];
  return {
    requestId: "seed",
    viewer: { userId: u.id, name: u.name, email: u.email },
    loaders: createLoaders(),
    authProblem: null,
    clientIp: null,
  };
}
