import type { User } from "./user.type.js";

/** What signUp and signIn answer (users/sign-up-user.command.ts, users/sign-in-user.command.ts). */
export interface AuthResult {
  token: string;
  /** When the session ends: the cookie's expiry for the web client. */
  expiresAt: Date;
  user: User;
}
