import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { Version } from "../versions/version.type.js";
import { withExportBudget } from "./export-budget.js";
import { ExportMarkersArgs } from "./marker.args.js";
import { MarkerFormat } from "./marker.enums.js";
import { exportMarkerParts, exportMarkers } from "./marker.service.js";

/** Fields the exports domain adds to earlier domains' types (a join lives with the later domain). */
@Resolver(() => Version)
export class VersionExportsResolver {
  @FieldResolver(() => String, {
    description: "CUT/MIX notes as markers for editing systems (docs/exports.md: each format's rules).",
  })
  exportMarkers(
    @Root() v: Version,
    @Args(() => ExportMarkersArgs) args: ExportMarkersArgs,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return withExportBudget(ctx, v, () => exportMarkers(ctx, v, args));
  }

  @FieldResolver(() => Int, {
    description: "How many files exportMarkers takes in this format (RESOLVE_EDL: 999 markers each).",
  })
  exportMarkerParts(
    @Root() v: Version,
    @Arg("format", () => MarkerFormat, { description: "The format to count files for." })
    format: MarkerFormat,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return exportMarkerParts(ctx, v, format);
  }
}
