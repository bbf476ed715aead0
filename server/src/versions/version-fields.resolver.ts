import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { versionLastEventCursor } from "../events/event.tail.js";
import { MarkerFormat } from "../exports/marker.enums.js";
import { withExportBudget } from "../exports/export-budget.js";
import { exportMarkers } from "../exports/marker.service.js";
import { NoteConnection } from "../notes/note-connection.type.js";
import { noteCounts, openNotesFromPrevious, versionNotes } from "../notes/note.query.js";
import { User } from "../users/user.type.js";
import { PageArgsType, VersionNotesArgs } from "./version.args.js";
import { currentApprovals, versionPermissions } from "./version.permissions.js";
import { deletedUser } from "./version.resolver.js";
import {
  NoteCounts,
  RoleApproval,
  Version,
  VersionPermissions,
  VersionStatusChange,
} from "./version.type.js";

/** Computed fields of Version (the parent Version was authorised by whoever returned it). */
@Resolver(() => Version)
export class VersionFieldsResolver {
  @FieldResolver(() => NoteConnection, { description: "Oldest first; first default 50, at most 200." })
  notes(@Root() v: Version, @Args(() => VersionNotesArgs) args: VersionNotesArgs, @Ctx() ctx: Context) {
    return versionNotes(ctx, v, args, args);
  }

  @FieldResolver(() => NoteConnection, { description: "OPEN/IN_PROGRESS notes of every earlier version." })
  openNotesFromPrevious(
    @Root() v: Version,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: Context,
  ) {
    return openNotesFromPrevious(ctx, v, page);
  }

  @FieldResolver(() => NoteCounts)
  noteCounts(@Root() v: Version): Promise<NoteCounts> {
    return noteCounts(v);
  }

  @FieldResolver(() => VersionPermissions)
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

  @FieldResolver(() => [VersionStatusChange], { description: "Every status change, oldest first." })
  statusHistory(@Root() v: Version, @Ctx() ctx: Context): Promise<VersionStatusChange[]> {
    return Promise.all(
      v.history.map(async (h) => {
        const by: User = (await ctx.loaders.userById.load(String(h.by))) ?? deletedUser(String(h.by));
        return Object.assign(new VersionStatusChange(), { from: h.from ?? null, to: h.to, by, at: h.at });
      }),
    );
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "Opaque cursor of the newest released event concerning this version; pass it as `after` to `versionEvents` to miss nothing since this query.",
  })
  lastEventCursor(@Root() v: Version): Promise<string | null> {
    return versionLastEventCursor(v.productionId, v.id);
  }

  @FieldResolver(() => String, { description: "CUT/MIX notes as markers for editing systems." })
  exportMarkers(
    @Root() v: Version,
    @Arg("format", () => MarkerFormat) format: MarkerFormat,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return withExportBudget(ctx, v, () => exportMarkers(ctx, v, format));
  }
}
