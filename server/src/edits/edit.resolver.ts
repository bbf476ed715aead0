import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  Int,
  Mutation,
  Resolver,
  Root,
} from "type-graphql";
import type { Context } from "../core/context.js";
import { badInput } from "../errors/app-errors.js";
import { deletedUser, User } from "../users/user.type.js";
import { Version } from "../versions/version.type.js";
import { attachEditCommand } from "./attach-edit.command.js";
import { CutEdit, EditEvent, EditMarker, toCutEdit, toEditEvent, toEditMarker } from "./cut-edit.type.js";
import { AttachEditInput } from "./edit.input.js";
import type { EditEvent as EventData, EditMarker as MarkerData } from "./edit.timeline.js";
import type { FrameRate } from "@greenlight/common/timecode";

const MAX_PAGE = 1000;

@ArgsType()
class EditPageArgs {
  @Field(() => Int, { defaultValue: 0, description: "How many to skip from the start (0 or more)." })
  offset!: number;
  @Field(() => Int, { defaultValue: 500, description: `At most ${MAX_PAGE}.` }) first!: number;
}

function page<T>(all: readonly T[], { offset, first }: EditPageArgs): readonly T[] {
  if (!Number.isInteger(offset) || offset < 0) throw badInput("offset must be 0 or more.");
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
    throw badInput(`first must be between 1 and ${MAX_PAGE}.`);
  return all.slice(offset, offset + first);
}

@Resolver(() => CutEdit)
export class CutEditResolver {
  @Authorized()
  @Mutation(() => CutEdit, {
    description:
      "Attaches (or replaces) a CUT version's edit, read from a CMX3600 EDL or OTIO file; refusals name the line or JSON path.",
  })
  attachEdit(
    @Arg("input", () => AttachEditInput, { description: "The version and the edit file." })
    input: AttachEditInput,
    @Ctx() ctx: Context,
  ): Promise<CutEdit> {
    return attachEditCommand(ctx, input);
  }

  @FieldResolver(() => [EditEvent], { description: "In the order read (by track, then record in)." })
  events(@Root() e: CutEdit, @Args(() => EditPageArgs) args: EditPageArgs): EditEvent[] {
    return page(e.doc.events as EventData[], args).map((ev) => toEditEvent(ev, e.frameRate as FrameRate));
  }

  @FieldResolver(() => [EditMarker], { description: "A page of its markers, in record order." })
  markers(@Root() e: CutEdit, @Args(() => EditPageArgs) args: EditPageArgs): EditMarker[] {
    return page(e.doc.markers as MarkerData[], args).map(toEditMarker);
  }

  @FieldResolver(() => User, { description: "Who attached it." })
  async attachedBy(@Root() e: CutEdit, @Ctx() ctx: Context): Promise<User> {
    return (await ctx.loaders.userById.load(e.attachedById)) ?? deletedUser(e.attachedById);
  }
}

/** Version.edit: the edits domain's field on an earlier domain's type. */
@Resolver(() => Version)
export class VersionEditResolver {
  @FieldResolver(() => CutEdit, {
    nullable: true,
    description: "A CUT version's edit (EDL/OTIO), if attached.",
  })
  async edit(@Root() v: Version, @Ctx() ctx: Context): Promise<CutEdit | null> {
    const doc = await ctx.loaders.cutEditByVersionId.load(v.id);
    return doc ? toCutEdit(doc) : null;
  }
}
