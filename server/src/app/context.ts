import { identityCache } from "../auth/identity-cache.js";
import { authenticate, extractToken } from "../auth/token.service.js";
import type { Context, Loaders, TokenProblem, Viewer } from "../core/context.js";
import { createLoaders } from "./loaders.js";
import { newRequestId } from "../core/request-scope.js";

export interface CreateContextInput {
  /** The `Authorization` header value, or WS connectionParams.authorization. */
  authorization?: string | null;
  requestId?: string;
  clientIp?: string | null;
}

/**
 * The one context factory, shared by HTTP (`http.ts`) and WebSocket (`ws.ts`). A bad token yields
 * `viewer: null` plus `authProblem` rather than failing the request, so a stale token does not
 * block `signIn`; guarded fields then answer UNAUTHENTICATED with the reason.
 */
export async function createContext(input: CreateContextInput = {}): Promise<Context> {
  const loaders = createLoaders();
  const { viewer, authProblem } = await resolveViewer(input.authorization, loaders);
  return contextOf({ ...input, loaders, viewer, authProblem });
}

/**
 * Where every Context is assembled: from a request (createContext above) or for an identity
 * already resolved (a realtime execution: the subscriber's viewer and the event's shared loaders).
 */
export function contextOf(parts: {
  viewer: Viewer | null;
  loaders?: Loaders;
  authProblem?: TokenProblem | null;
  requestId?: string;
  clientIp?: string | null;
}): Context {
  return {
    requestId: parts.requestId ?? newRequestId(),
    loaders: parts.loaders ?? createLoaders(),
    clientIp: parts.clientIp ?? null,
    viewer: parts.viewer,
    authProblem: parts.authProblem ?? null,
  };
}

/**
 * Who presents `authorization`, or why it was refused. `loaders` are used for the user read when
 * the identity is not cached; without them (a WebSocket's connection_init, which needs nothing
 * else) they are created only then: a reconnect storm of cached tokens allocates no DataLoaders.
 */
export async function resolveViewer(
  authorization: string | null | undefined,
  loaders?: Loaders,
): Promise<{ viewer: Viewer | null; authProblem: TokenProblem | null }> {
  // A token verified in the last seconds skips its session and user reads (auth/identity-cache.ts
  // says when that is safe); a new object per request, so nobody mutates the cached one.
  const token = extractToken(authorization);
  const cached = token ? identityCache.get(token) : null;
  if (cached)
    return { viewer: { ...cached.identity, name: cached.name, email: cached.email }, authProblem: null };
  const reads = loaders ?? createLoaders();
  const mark = identityCache.mark();
  const auth = await authenticate(authorization, { prefetchUser: (id) => reads.userById.load(id) });
  if (!auth.identity) return { viewer: null, authProblem: auth.problem };
  const user = await reads.userById.load(auth.identity.userId);
  if (!user) return { viewer: null, authProblem: "accountGone" };
  if (token) identityCache.set(token, { identity: auth.identity, name: user.name, email: user.email }, mark);
  return { viewer: { ...auth.identity, name: user.name, email: user.email }, authProblem: null };
}
