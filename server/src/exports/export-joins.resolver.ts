import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { Version } from "../versions/version.type.js";
import { withExportBudget } from "./export-budget.js";
import { MarkerFormat } from "./marker.enums.js";
import { exportMarkers } from "./marker.service.js";

/** Fields the exports domain adds to earlier domains' types (a join lives with the later domain). */
@Resolver(() => Version)
export class VersionExportsResolver {
  @FieldResolver(() => String, { description: "CUT/MIX notes as markers for editing systems." })
  exportMarkers(
    @Root() v: Version,
    @Arg("format", () => MarkerFormat) format: MarkerFormat,
    @Ctx() ctx: Context,
  ): Promise<string> {
    return withExportBudget(ctx, v, () => exportMarkers(ctx, v, format));
  }
}
