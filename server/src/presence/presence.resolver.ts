import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { User } from "../users/user.type.js";
import {
  joinVersion,
  leaveVersion,
  loadPresence,
  requireVersionMember,
  updatePresence,
} from "./presence.service.js";
import { PresenceViewer, toPresenceViewer } from "./presence.type.js";
import type { Role } from "../productions/production.enums.js";

@Resolver()
export class PresenceResolver {
  @Authorized()
  @Query(() => [PresenceViewer], { description: "Who views a version now (members only)." })
  async presence(
    @Arg("versionId", () => ID, { description: "The version to watch." }) versionId: string,
    @Ctx() ctx: Context,
  ): Promise<PresenceViewer[]> {
    await requireVersionMember(ctx, versionId);
    const docs = await loadPresence(versionId);
    return docs.map((d) =>
      toPresenceViewer({
        userId: String(d.userId),
        role: (d.role as Role | null) ?? null,
        frame: d.frame ?? null,
        line: d.line ?? null,
        playing: Boolean(d.playing),
        updatedAt: d.updatedAt,
      }),
    );
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Starts viewing a version (presence); repeat within the TTL as a heartbeat.",
  })
  joinVersion(
    @Arg("versionId", () => ID, { description: "The version being viewed." }) versionId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return joinVersion(ctx, versionId);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description: "Moves the playhead (frame) or script position (line); throttled to 10/s per viewer.",
  })
  updatePresence(
    @Arg("versionId", () => ID, { description: "The version being viewed." }) versionId: string,
    @Arg("frame", () => Int, { description: "CUT and MIX: the playhead frame, from 0.", nullable: true })
    frame: number | null,
    @Arg("line", () => Int, { description: "SCRIPT: the line in view, 1-based.", nullable: true }) line:
      | number
      | null,
    @Arg("playing", () => Boolean, { description: "Whether the player is playing.", nullable: true }) playing:
      | boolean
      | null,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return updatePresence(ctx, versionId, {
      ...(frame !== undefined ? { frame } : {}),
      ...(line !== undefined ? { line } : {}),
      playing,
    });
  }

  @Authorized()
  @Mutation(() => Boolean, { description: "Stops viewing a version." })
  leaveVersion(
    @Arg("versionId", () => ID, { description: "The version no longer viewed." }) versionId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return leaveVersion(ctx, versionId);
  }
}

@Resolver(() => PresenceViewer)
export class PresenceViewerResolver {
  @FieldResolver(() => User, { description: "Who is viewing." })
  async user(@Root() viewer: PresenceViewer, @Ctx() ctx: Context): Promise<User> {
    const user = await ctx.loaders.userById.load(viewer.userId);
    // A deleted account still had a presence document; show it without personal data.
    return (
      user ?? Object.assign(new User(), { id: viewer.userId, name: "Unknown", email: "", initials: "?" })
    );
  }
}
