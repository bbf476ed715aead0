import type { User } from "./user.type.js";

/** What signUp and signIn answer (users/sign-up-user.command.ts, users/sign-in-user.command.ts). */
export interface AuthResult {
  token: string;
  user: User;
}
