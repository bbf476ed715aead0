import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { ProductionEvent } from "../events/event.type.js";
import { deletedUser } from "../users/user.type.js";
import { RoleApproval, Version, VersionPermissions } from "../versions/version.type.js";
import { Review, toReview } from "./review.type.js";
import { currentApprovals, versionPermissions } from "./version-permissions.js";

/** Fields the reviews domain adds to earlier domains' types (a join lives with the later domain). */
@Resolver(() => Version)
export class VersionReviewsResolver {
  @FieldResolver(() => [Review], { description: "Every decision, oldest first, across submission rounds." })
  async reviews(@Root() v: Version, @Ctx() ctx: Context): Promise<Review[]> {
    return (await ctx.loaders.reviewsByVersionId.load(v.id)).map(toReview);
  }

  @FieldResolver(() => VersionPermissions, { description: "What the caller may do on this version now." })
  viewerCan(@Root() v: Version, @Ctx() ctx: Context): Promise<VersionPermissions> {
    return versionPermissions(ctx, v);
  }

  @FieldResolver(() => [RoleApproval], {
    description: "The kind's approving roles, since the latest submission.",
  })
  async approvalProgress(@Root() v: Version, @Ctx() ctx: Context): Promise<RoleApproval[]> {
    const state = await currentApprovals(ctx, v);
    return Promise.all(
      state.map(async (s) =>
        Object.assign(new RoleApproval(), {
          role: s.role,
          required: s.required,
          approvedBy: s.approvedBy
            ? ((await ctx.loaders.userById.load(s.approvedBy)) ?? deletedUser(s.approvedBy))
            : null,
          approvedAt: s.approvedAt,
        }),
      ),
    );
  }
}

@Resolver(() => ProductionEvent)
export class ReviewEventFieldsResolver {
  @FieldResolver(() => Review, { description: "REVIEW_DECIDED: the decision.", nullable: true })
  async review(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Review | null> {
    const doc = e.reviewId ? await ctx.loaders.reviewById.load(e.reviewId) : null;
    return doc ? toReview(doc) : null;
  }
}
