import { hashPassword } from "../auth/password.js";
import { takeSignUpSlot } from "../auth/rate-limit.js";
import { issueAccessToken } from "../auth/token.service.js";
import { conflict, toAppError } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { UserModel } from "./user.model.js";
import { toUser } from "./user.type.js";
import type { AuthResult } from "./user.service.js";
import { type SignUpFields, validateSignUp } from "./user.validation.js";

/** The account and its first session together: never an account whose sign-up answered an error. */
export async function signUpUserCommand(input: SignUpFields, clientIp: string | null): Promise<AuthResult> {
  const { name, email, password } = validateSignUp(input);
  await takeSignUpSlot(clientIp);
  if (await UserModel.exists({ email })) throw conflict("An account with this email already exists.");
  const passwordHash = await hashPassword(password);
  try {
    return await runCommand(
      "users/sign-up-user",
      async ({ session }) => {
        const [doc] = await UserModel.create([{ name, email, passwordHash }], { session });
        if (!doc) throw new Error("UserModel.create returned no document");
        const { token, expiresAt } = await issueAccessToken(session, String(doc._id));
        return { token, expiresAt, user: toUser(doc.toObject()) };
      },
      { replayable: false },
    ); // a session token is not kept for retries
  } catch (err) {
    // Two sign-ups racing past the exists() check meet the unique index: E11000 -> CONFLICT.
    if (toAppError(err)?.code === "CONFLICT") throw conflict("An account with this email already exists.");
    throw err;
  }
}
