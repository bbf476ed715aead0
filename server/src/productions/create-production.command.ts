import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { requireViewer } from "../auth/auth-checker.js";
import { runCommand } from "../events/command.js";
import { MembershipModel } from "./membership.model.js";
import { ProductionKind, ProductionStage, Role } from "./production.enums.js";
import { ProductionModel } from "./production.model.js";
import { type Production, toProduction } from "./production.type.js";
import { requiredText } from "../core/text.js";

/** The production and its creator's SHOWRUNNER membership, together: never a production nobody runs. */
export async function createProductionCommand(
  ctx: Context,
  input: { title: string; kind?: ProductionKind | null },
): Promise<Production> {
  const viewer = requireViewer(ctx);
  const title = requiredText(input.title, "title", 200);
  const userId = new Types.ObjectId(viewer.userId);
  const created = await runCommand("productions/create-production", async ({ session }) => {
    const now = new Date();
    const [production] = await ProductionModel.create(
      [
        {
          title,
          kind: input.kind ?? ProductionKind.SERIES,
          stage: ProductionStage.DEVELOPMENT,
          createdBy: userId,
          createdAt: now,
          eventSeq: 0,
        },
      ],
      { session },
    );
    if (!production) throw new Error("ProductionModel.create returned no document");
    await MembershipModel.create(
      [{ productionId: production._id, userId, role: Role.SHOWRUNNER, joinedAt: now }],
      { session },
    );
    return production.toObject();
  });
  return toProduction(created);
}
