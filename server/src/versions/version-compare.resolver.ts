import { Arg, Authorized, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../core/context.js";
import { compareVersions } from "./version-compare.js";
import { VersionComparison } from "./version-compare.type.js";

@Resolver()
export class VersionCompareResolver {
  @Authorized()
  @Query(() => VersionComparison, {
    description:
      "Two versions of one asset compared (members); NOT_FOUND for others, BAD_USER_INPUT across assets.",
  })
  compareVersions(
    @Arg("a", () => ID, { description: "The older version's id." }) a: string,
    @Arg("b", () => ID, { description: "The newer version's id, of the same asset." }) b: string,
    @Ctx() ctx: Context,
  ): Promise<VersionComparison> {
    return compareVersions(ctx, a, b);
  }
}
