import { burnPasswordCheck, hashPassword, verifyPassword } from "../auth/password.js";
import { takeSignInSlot, takeSignUpSlot } from "../auth/rate-limit.js";
import { issueAccessToken, revokeSession } from "../auth/token.service.js";
import type { Viewer } from "../core/context.js";
import { conflict, toAppError, unauthenticated } from "../errors/app-errors.js";
import { UserModel } from "./user.model.js";
import { type User, type UserLean, toUser } from "./user.type.js";
import { normalizeEmail, PASSWORD_MAX, type SignUpFields, validateSignUp } from "./user.validation.js";

export interface AuthResult {
  token: string;
  user: User;
}

const WRONG_CREDENTIALS = "Wrong email or password.";

export async function signUp(input: SignUpFields, clientIp: string | null): Promise<AuthResult> {
  const { name, email, password } = validateSignUp(input);
  await takeSignUpSlot(clientIp);
  if (await UserModel.exists({ email })) throw conflict("An account with this email already exists.");
  let doc: UserLean;
  try {
    const passwordHash = await hashPassword(password);
    doc = (await UserModel.create([{ name, email, passwordHash }]))[0]!.toObject();
  } catch (err) {
    // Two sign-ups racing past the exists() check meet the unique index: E11000 -> CONFLICT.
    const mapped = toAppError(err);
    if (mapped?.code === "CONFLICT") throw conflict("An account with this email already exists.");
    throw err;
  }
  const { token } = await issueAccessToken(String(doc._id));
  return { token, user: toUser(doc) };
}

/** Same answer and comparable time for an unknown email and a wrong password. */
export async function signIn(
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
  const { token } = await issueAccessToken(String(user._id));
  return { token, user: toUser(user) };
}

/** Ends the viewer's session; API tokens are revoked with revokeApiToken instead. */
export async function signOut(viewer: Viewer): Promise<boolean> {
  if (!viewer.sessionId) return false;
  await revokeSession(viewer.sessionId);
  return true;
}
