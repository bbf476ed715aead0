import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { versionLastEventCursor } from "../events/event.tail.js";
import { deletedUser, type User } from "../users/user.type.js";
import { revisionMarks } from "./version.service.js";
import { toVersion, Version, VersionStatusChange } from "./version.type.js";

/**
 * Computed fields of Version (the parent Version was authorised by whoever returned it). Fields
 * that need a later domain (notes, reviews, exports) live there, in its *-joins.resolver.ts.
 */
@Resolver(() => Version)
export class VersionFieldsResolver {
  @FieldResolver(() => [VersionStatusChange], { description: "Every status change, oldest first." })
  statusHistory(@Root() v: Version, @Ctx() ctx: Context): Promise<VersionStatusChange[]> {
    return Promise.all(
      v.history.map(async (h) => {
        const by: User = (await ctx.loaders.userById.load(String(h.by))) ?? deletedUser(String(h.by));
        return Object.assign(new VersionStatusChange(), { from: h.from ?? null, to: h.to, by, at: h.at });
      }),
    );
  }

  @FieldResolver(() => [Int], {
    nullable: true,
    description:
      "SCRIPT: lines (1-based) added or edited since the previous version, blank lines left out; the revision marks. Null for the first version and for cuts and mixes.",
  })
  changedLines(@Root() v: Version, @Ctx() ctx: Context): Promise<number[] | null> {
    return revisionMarks(ctx, v);
  }

  @FieldResolver(() => Version, {
    nullable: true,
    description: "MIX: the CUT version this mix was mixed against (its notes follow that picture).",
  })
  async pictureVersion(@Root() v: Version, @Ctx() ctx: Context): Promise<Version | null> {
    const doc = v.pictureVersionId ? await ctx.loaders.versionById.load(v.pictureVersionId) : null;
    return doc ? toVersion(doc) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Opaque cursor of the newest released event concerning this version; pass it as `after` to `versionEvents` to miss nothing since this query.",
  })
  lastEventCursor(@Root() v: Version): Promise<string | null> {
    return versionLastEventCursor(v.productionId, v.id);
  }
}
