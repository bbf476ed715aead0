import type { AuthChecker } from "type-graphql";
import type { Context, Viewer } from "../core/context.js";
import { unauthenticated } from "../errors/app-errors.js";
import { TOKEN_PROBLEM_MESSAGES } from "./token.service.js";

/**
 * Identity layer only: `@Authorized()` means "signed in". Roles within a production are checked by
 * each domain's policy, because they depend on the object acted on.
 */
export const authChecker: AuthChecker<Context> = ({ context }) => {
  requireViewer(context);
  return true;
};

/** For services and field resolvers: the signed-in viewer or UNAUTHENTICATED with the reason. */
export function requireViewer(context: Pick<Context, "viewer" | "authProblem">): Viewer {
  if (context.viewer) return context.viewer;
  throw unauthenticated(context.authProblem ? TOKEN_PROBLEM_MESSAGES[context.authProblem] : undefined);
}
