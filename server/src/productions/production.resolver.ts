import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import type { Context } from "../core/context.js";
import { addEpisodeCommand } from "./add-episode.command.js";
import { addMemberCommand } from "./add-member.command.js";
import { createProductionCommand } from "./create-production.command.js";
import { Episode } from "./episode.type.js";
import { removeMemberCommand } from "./remove-member.command.js";
import { setProductionStageCommand } from "./set-production-stage.command.js";
import { ProductionStage, Role } from "./production.enums.js";
import { CreateProductionInput } from "./production.input.js";
import { findProduction, listMyProductions } from "./production.service.js";
import { Member, Production } from "./production.type.js";

@Resolver()
export class ProductionResolver {
  @Authorized()
  @Query(() => [Production], { description: "The productions the viewer is a member of." })
  productions(@Ctx() ctx: Context): Promise<Production[]> {
    return listMyProductions(ctx);
  }

  @Authorized()
  @Query(() => Production, { nullable: true })
  production(@Arg("id", () => ID) id: string, @Ctx() ctx: Context): Promise<Production | null> {
    return findProduction(ctx, id);
  }

  @Authorized()
  @Mutation(() => Production)
  createProduction(
    @Arg("input", () => CreateProductionInput) input: CreateProductionInput,
    @Ctx() ctx: Context,
  ): Promise<Production> {
    return createProductionCommand(ctx, input);
  }

  @Authorized()
  @Mutation(() => Member, {
    description:
      "SHOWRUNNER, PRODUCER; only a SHOWRUNNER may give the SHOWRUNNER role (FORBIDDEN). Adds an existing account directly (see schema/README.md, Members).",
  })
  addMember(
    @Arg("productionId", () => ID) productionId: string,
    @Arg("email", () => String) email: string,
    @Arg("role", () => Role) role: Role,
    @Ctx() ctx: Context,
  ): Promise<Member> {
    return addMemberCommand(ctx, productionId, email, role);
  }

  @Authorized()
  @Mutation(() => Boolean, {
    description:
      "SHOWRUNNER, PRODUCER; only a SHOWRUNNER may remove a SHOWRUNNER or a PRODUCER (FORBIDDEN). The last showrunner cannot be removed (CONFLICT).",
  })
  removeMember(
    @Arg("productionId", () => ID) productionId: string,
    @Arg("userId", () => ID) userId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return removeMemberCommand(ctx, productionId, userId);
  }

  @Authorized()
  @Mutation(() => Production)
  setProductionStage(
    @Arg("productionId", () => ID) productionId: string,
    @Arg("stage", () => ProductionStage) stage: ProductionStage,
    @Ctx() ctx: Context,
  ): Promise<Production> {
    return setProductionStageCommand(ctx, productionId, stage);
  }

  @Authorized()
  @Mutation(() => Episode, { description: "SHOWRUNNER, PRODUCER; number unique per production." })
  addEpisode(
    @Arg("productionId", () => ID) productionId: string,
    @Arg("number", () => Int) number: number,
    @Arg("title", () => String) title: string,
    @Ctx() ctx: Context,
  ): Promise<Episode> {
    return addEpisodeCommand(ctx, productionId, number, title);
  }
}
