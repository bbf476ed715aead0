import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { User } from "../users/user.type.js";
import { deletedUser } from "../users/user.type.js";
import { Version } from "../versions/version.type.js";
import { LockOpenNotes, ReviewDecision } from "./review.enums.js";
import { lockVersionCommand } from "./lock-version.command.js";
import { reviewVersionCommand } from "./review-version.command.js";
import { submitVersionCommand } from "./submit-version.command.js";
import { Review } from "./review.type.js";

@Resolver(() => Review)
export class ReviewResolver {
  @Authorized()
  @Mutation(() => Version, { description: "DRAFT or CHANGES_REQUESTED -> IN_REVIEW." })
  submitForReview(
    @Arg("versionId", () => ID, { description: "A DRAFT or CHANGES_REQUESTED version (else CONFLICT)." })
    versionId: string,
    @Ctx() ctx: Context,
  ): Promise<Version> {
    return submitVersionCommand(ctx, versionId);
  }

  @Authorized()
  @Mutation(() => Version, { description: "Only while IN_REVIEW; comment at most 2,000 characters." })
  reviewVersion(
    @Arg("versionId", () => ID, { description: "A version IN_REVIEW (else CONFLICT)." }) versionId: string,
    @Arg("decision", () => ReviewDecision, { description: "Approve or request changes." })
    decision: ReviewDecision,
    @Arg("comment", () => String, {
      description: "An optional comment kept with the decision.",
      nullable: true,
    })
    comment: string | null,
    @Ctx() ctx: Context,
  ): Promise<Version> {
    return reviewVersionCommand(ctx, versionId, decision, comment);
  }

  @Authorized()
  @Mutation(() => Version, {
    description:
      "APPROVED -> LOCKED, by the showrunner. Open notes are carried to the next version (CARRY, the default) or closed as WONT_FIX with the lock.",
  })
  lockVersion(
    @Arg("versionId", () => ID, { description: "An APPROVED version (else CONFLICT)." }) versionId: string,
    @Arg("openNotes", () => LockOpenNotes, {
      description: "What to do with its notes still open; default CARRY.",
      nullable: true,
    })
    openNotes: LockOpenNotes | null,
    @Ctx() ctx: Context,
  ): Promise<Version> {
    return lockVersionCommand(ctx, versionId, openNotes ?? LockOpenNotes.CARRY);
  }

  @FieldResolver(() => User, { description: "Who decided." })
  async reviewer(@Root() r: Review, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(r.reviewerId)) ?? deletedUser(r.reviewerId);
  }
}
