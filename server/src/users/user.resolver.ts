import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../core/context.js";
import { requireViewer } from "../auth/auth-checker.js";
import { ApiToken, ApiTokenPayload } from "./api-token.type.js";
import * as apiTokens from "./api-token.service.js";
import { AuthPayload } from "./auth-payload.type.js";
import { SignUpInput } from "./user.input.js";
import { createApiTokenCommand } from "./create-api-token.command.js";
import { revokeApiTokenCommand } from "./revoke-api-token.command.js";
import { signInUserCommand } from "./sign-in-user.command.js";
import { signOutEverywhereCommand } from "./sign-out-everywhere.command.js";
import { signOutUserCommand } from "./sign-out-user.command.js";
import { signUpUserCommand } from "./sign-up-user.command.js";
import { User } from "./user.type.js";
import type { AuthResult } from "./user.service.js";

/**
 * The web client (it sends the CSRF header) gets its session as an httpOnly cookie and an empty
 * `token`, so no script on the page ever holds it; tools get the bearer token as before.
 */
function inCookieWhenAsked(ctx: Context, result: AuthResult): AuthPayload {
  if (!ctx.sessionCookie) return result;
  ctx.sessionCookie.set(result.token, result.expiresAt);
  return { token: "", user: result.user };
}

@Resolver(() => User)
export class UserResolver {
  /**
   * Public: null without a token; a token that is bad (forged, expired, revoked, signed out) is
   * UNAUTHENTICATED like everywhere else, so a tool can tell "signed out" from "my token is bad".
   */
  @Query(() => User, {
    nullable: true,
    description: "The signed-in user; null without a token; UNAUTHENTICATED for a bad one.",
  })
  async me(@Ctx() ctx: Context): Promise<User | null> {
    if (ctx.viewer) return ctx.loaders.userById.load(ctx.viewer.userId);
    if (ctx.authProblem) requireViewer(ctx); // throws with the reason
    return null;
  }

  @Mutation(() => AuthPayload, { description: "Creates an account and signs it in." })
  async signUp(
    @Arg("input", () => SignUpInput, { description: "Name, email and password." }) input: SignUpInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return inCookieWhenAsked(ctx, await signUpUserCommand(input, ctx.clientIp));
  }

  @Mutation(() => AuthPayload, {
    description: "Signs in with email and password; a wrong email or password is the same UNAUTHENTICATED.",
  })
  async signIn(
    @Arg("email", () => String, { description: "The account's email (any case)." }) email: string,
    @Arg("password", () => String, { description: "The password." }) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return inCookieWhenAsked(ctx, await signInUserCommand(email, password, ctx.clientIp));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Ends the current session; its token stops working." })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    const ended = await signOutUserCommand(requireViewer(ctx));
    ctx.sessionCookie?.clear();
    return ended;
  }

  @Authorized()
  @Mutation(() => Int, {
    description:
      "Ends all your sessions, this one included, and revokes all your API tokens unless keepApiTokens; open sockets using them close (4403). Returns how many were ended.",
  })
  async signOutEverywhere(
    @Arg("keepApiTokens", () => Boolean, {
      description: "true keeps the caller's API tokens; default false revokes them too.",
      defaultValue: false,
    })
    keepApiTokens: boolean,
    @Ctx() ctx: Context,
  ): Promise<number> {
    const ended = await signOutEverywhereCommand(requireViewer(ctx), keepApiTokens);
    ctx.sessionCookie?.clear();
    return ended;
  }

  @Authorized()
  @Query(() => [ApiToken], {
    description: "Your API tokens that are neither revoked nor expired, newest first.",
  })
  async apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    return apiTokens.listApiTokens(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => ApiTokenPayload, {
    description: "Creates an API token for the caller; the secret is in this answer only.",
  })
  async createApiToken(
    @Arg("name", () => String, { description: "A name to tell it apart (not empty)." }) name: string,
    @Ctx() ctx: Context,
    @Arg("expiresInDays", () => Int, {
      nullable: true,
      description: "Lifetime in days, 1 to 3650; omitted or null: it never expires.",
    })
    expiresInDays?: number | null,
  ): Promise<ApiTokenPayload> {
    return createApiTokenCommand(requireViewer(ctx), name, expiresInDays);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Revokes one of the caller's API tokens at once (sockets using it close with 4403).",
  })
  async revokeApiToken(
    @Arg("id", () => ID, { description: "The token's ApiToken.id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return revokeApiTokenCommand(requireViewer(ctx), id);
  }
}
