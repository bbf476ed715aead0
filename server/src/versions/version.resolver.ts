import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { toAsset, Asset } from "../assets/asset.type.js";
import { notFound } from "../errors/app-errors.js";
import { deletedUser, User } from "../users/user.type.js";
import { AddVersionInput } from "./version.input.js";
import { addVersionCommand } from "./add-version.command.js";
import { carryNotesCommand } from "./carry-notes.command.js";
import { findVersion, previousVersion } from "./version.service.js";
import { Version } from "./version.type.js";

@Resolver(() => Version)
export class VersionResolver {
  @Authorized()
  @Query(() => Version, {
    description: "A version by id; null if missing or not in one of your productions.",
    nullable: true,
  })
  version(
    @Arg("id", () => ID, { description: "The version's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Version | null> {
    return findVersion(ctx, id);
  }

  @Authorized()
  @Mutation(() => Version, {
    description:
      "Adds the next numbered version of an asset, as DRAFT (the kind's makers); records VERSION_ADDED and carries open notes.",
  })
  addVersion(
    @Arg("input", () => AddVersionInput, {
      description: "The version: text for SCRIPT, media and timing for CUT and MIX.",
    })
    input: AddVersionInput,
    @Ctx() ctx: Context,
  ): Promise<Version> {
    return addVersionCommand(ctx, input);
  }

  @Authorized()
  @Mutation(() => Version, {
    description:
      "Maps the previous version's open notes onto this (latest) version again; earlier runs stay as the audit trail.",
  })
  carryNotes(
    @Arg("versionId", () => ID, { description: "The latest version of its asset." }) versionId: string,
    @Ctx() ctx: Context,
  ): Promise<Version> {
    return carryNotesCommand(ctx, versionId);
  }

  @FieldResolver(() => Asset, { description: "The asset this is a version of." })
  async asset(@Root() v: Version, @Ctx() ctx: Context): Promise<Asset> {
    const doc = await ctx.loaders.assetById.load(v.assetId);
    if (!doc) throw notFound("Asset");
    return toAsset(doc);
  }

  @FieldResolver(() => User, { description: "Who added it." })
  async createdBy(@Root() v: Version, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(v.createdById)) ?? deletedUser(v.createdById);
  }

  @FieldResolver(() => Version, { nullable: true, description: "The version numbered one less." })
  previous(@Root() v: Version, @Ctx() ctx: Context): Promise<Version | null> {
    return previousVersion(ctx, v);
  }
}
