import type { Viewer } from "../core/context.js";
import { identityCache } from "../auth/identity-cache.js";
import { revokeSession } from "../auth/token.service.js";
import { runCommand } from "../events/command.js";

/** Ends the viewer's session; API tokens are revoked with revokeApiToken instead. */
export async function signOutUserCommand(viewer: Viewer): Promise<boolean> {
  const sessionId = viewer.sessionId;
  if (!sessionId) return false;
  await runCommand("users/sign-out-user", ({ session }) => revokeSession(session, sessionId));
  // Before signOut returns: the next request with this token must be refused on this process too
  // (other processes hear of the delete on their change stream).
  identityCache.forgetSession(sessionId);
  return true;
}
