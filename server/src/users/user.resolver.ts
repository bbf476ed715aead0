import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../core/context.js";
import { requireViewer } from "../auth/auth-checker.js";
import { ApiToken, ApiTokenPayload } from "./api-token.type.js";
import * as apiTokens from "./api-token.service.js";
import { AuthPayload } from "./auth-payload.type.js";
import { SignUpInput } from "./user.input.js";
import { createApiTokenCommand } from "./create-api-token.command.js";
import { revokeApiTokenCommand } from "./revoke-api-token.command.js";
import { signInUserCommand } from "./sign-in-user.command.js";
import { signOutUserCommand } from "./sign-out-user.command.js";
import { signUpUserCommand } from "./sign-up-user.command.js";
import { User } from "./user.type.js";

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

  @Mutation(() => AuthPayload)
  async signUp(
    @Arg("input", () => SignUpInput) input: SignUpInput,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return signUpUserCommand(input, ctx.clientIp);
  }

  @Mutation(() => AuthPayload)
  async signIn(
    @Arg("email", () => String) email: string,
    @Arg("password", () => String) password: string,
    @Ctx() ctx: Context,
  ): Promise<AuthPayload> {
    return signInUserCommand(email, password, ctx.clientIp);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Ends the current session; its token stops working." })
  async signOut(@Ctx() ctx: Context): Promise<boolean> {
    return signOutUserCommand(requireViewer(ctx));
  }

  @Authorized()
  @Query(() => [ApiToken], { description: "Your API tokens that are not revoked, newest first." })
  async apiTokens(@Ctx() ctx: Context): Promise<ApiToken[]> {
    return apiTokens.listApiTokens(requireViewer(ctx));
  }

  @Authorized()
  @Mutation(() => ApiTokenPayload)
  async createApiToken(
    @Arg("name", () => String) name: string,
    @Ctx() ctx: Context,
  ): Promise<ApiTokenPayload> {
    return createApiTokenCommand(requireViewer(ctx), name);
  }

  @Authorized()
  @Mutation(() => Boolean)
  async revokeApiToken(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<boolean> {
    return revokeApiTokenCommand(requireViewer(ctx), id);
  }
}
