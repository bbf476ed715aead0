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
  @Query(() => Production, {
    description: "A production by id; null if missing or you are not a member.",
    nullable: true,
  })
  production(
    @Arg("id", () => ID, { description: "The production's id." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Production | null> {
    return findProduction(ctx, id);
  }

  @Authorized()
  @Mutation(() => Production, {
    description: "Creates a production (any signed-in user); the caller becomes its SHOWRUNNER.",
  })
  createProduction(
    @Arg("input", () => CreateProductionInput, { description: "The production." })
    input: CreateProductionInput,
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
    @Arg("productionId", () => ID, { description: "The production to add to." }) productionId: string,
    @Arg("email", () => String, {
      description: "The account's email; NOT_FOUND if there is none (checked after the role check).",
    })
    email: string,
    @Arg("role", () => Role, { description: "The role to give; only a SHOWRUNNER may give SHOWRUNNER." })
    role: Role,
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
    @Arg("productionId", () => ID, { description: "The production." }) productionId: string,
    @Arg("userId", () => ID, {
      description: "The member to remove; the last SHOWRUNNER cannot be removed (CONFLICT).",
    })
    userId: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return removeMemberCommand(ctx, productionId, userId);
  }

  @Authorized()
  @Mutation(() => Production, {
    description: "Changes a production's stage (SHOWRUNNER, PRODUCER); records STAGE_CHANGED.",
  })
  setProductionStage(
    @Arg("productionId", () => ID, { description: "The production." }) productionId: string,
    @Arg("stage", () => ProductionStage, { description: "The new stage; any stage may follow any other." })
    stage: ProductionStage,
    @Ctx() ctx: Context,
  ): Promise<Production> {
    return setProductionStageCommand(ctx, productionId, stage);
  }

  @Authorized()
  @Mutation(() => Episode, { description: "SHOWRUNNER, PRODUCER; number unique per production." })
  addEpisode(
    @Arg("productionId", () => ID, { description: "The series' production." }) productionId: string,
    @Arg("number", () => Int, {
      description: "The episode's number, 1 to 99999 (else BAD_USER_INPUT); CONFLICT if taken.",
    })
    number: number,
    @Arg("title", () => String, { description: "The episode's title (not empty)." }) title: string,
    @Ctx() ctx: Context,
  ): Promise<Episode> {
    return addEpisodeCommand(ctx, productionId, number, title);
  }
}
