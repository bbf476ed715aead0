import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Asset } from "../assets/asset.type.js";
import type { Context } from "../core/context.js";
import { ProductionEvent } from "../events/event.type.js";
import { VersionStatus } from "./version.enums.js";
import { latestVersion, listVersions } from "./version.service.js";
import { toVersion, Version } from "./version.type.js";

/** Fields the versions domain adds to earlier domains' types (a join lives with the later domain). */
@Resolver(() => Asset)
export class AssetVersionsResolver {
  @FieldResolver(() => [Version], { description: "Oldest (number 1) first." })
  versions(@Root() a: Asset, @Ctx() ctx: Context): Promise<Version[]> {
    return listVersions(ctx, a.id);
  }

  @FieldResolver(() => Version, {
    description: "Its highest-numbered version; null before the first.",
    nullable: true,
  })
  latestVersion(@Root() a: Asset, @Ctx() ctx: Context): Promise<Version | null> {
    return latestVersion(ctx, a.id);
  }
}

@Resolver(() => ProductionEvent)
export class VersionEventFieldsResolver {
  @FieldResolver(() => Version, {
    description: "The version concerned (VERSION_*, NOTE_*, REVIEW_*, EDIT_ATTACHED); null otherwise.",
    nullable: true,
  })
  async version(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<Version | null> {
    const doc = e.versionId ? await ctx.loaders.versionById.load(e.versionId) : null;
    return doc ? toVersion(doc) : null;
  }

  @FieldResolver(() => VersionStatus, {
    nullable: true,
    description: "VERSION_STATUS_CHANGED: the status the version left, as of the event (not its status now).",
  })
  fromStatus(@Root() e: ProductionEvent): VersionStatus | null {
    return asVersionStatus(e.fromStatus);
  }

  @FieldResolver(() => VersionStatus, {
    nullable: true,
    description:
      "VERSION_STATUS_CHANGED: the status the version entered, as of the event (not its status now).",
  })
  toStatus(@Root() e: ProductionEvent): VersionStatus | null {
    return asVersionStatus(e.toStatus);
  }
}

const STATUSES = new Set<string>(Object.values(VersionStatus));
/** Events recorded before statuses were kept answer null rather than a guess. */
function asVersionStatus(s: string | null): VersionStatus | null {
  return s && STATUSES.has(s) ? (s as VersionStatus) : null;
}
