import { burnPasswordCheck, verifyPassword } from "../auth/password.js";
import { takeSignInSlot } from "../auth/rate-limit.js";
import { issueAccessToken } from "../auth/token.service.js";
import { unauthenticated } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { UserModel } from "./user.model.js";
import { toUser } from "./user.type.js";
import type { AuthResult } from "./user.service.js";
import { normalizeEmail, PASSWORD_MAX } from "./user.validation.js";

const WRONG_CREDENTIALS = "Wrong email or password.";

/**
 * Same answer and comparable time for an unknown email and a wrong password. The throttle's
 * counters are written outside the transaction on purpose (rate-limit.ts): a failed sign-in must
 * still count.
 */
export async function signInUserCommand(
  emailInput: string,
  password: string,
  clientIp: string | null,
): Promise<AuthResult> {
  const email = normalizeEmail(emailInput);
  const ticket = await takeSignInSlot(email, clientIp);
  const user = await UserModel.findOne({ email }, { name: 1, email: 1, passwordHash: 1 }).lean();
  const candidate = password.slice(0, PASSWORD_MAX + 1);
  let ok = false;
  if (user) ok = await verifyPassword(candidate, user.passwordHash);
  else await burnPasswordCheck(candidate);
  if (!user || !ok) throw unauthenticated(WRONG_CREDENTIALS);
  await ticket.succeeded();
  // A retry signs in again: a session token is not kept for replays.
  const { token, expiresAt } = await runCommand(
    "users/sign-in-user",
    ({ session }) => issueAccessToken(session, String(user._id)),
    { replayable: false },
  );
  return { token, expiresAt, user: toUser(user) };
}
