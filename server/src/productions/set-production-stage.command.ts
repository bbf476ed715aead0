import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { forbidden } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import type { ProductionStage } from "./production.enums.js";
import { requireProduction } from "./production.access.js";
import { ProductionModel } from "./production.model.js";
import { canSetStage } from "./production.policy.js";
import { type Production, toProduction } from "./production.type.js";

/** Any stage may follow any other; setting the current stage changes nothing and records nothing. */
export async function setProductionStageCommand(
  ctx: Context,
  productionId: string,
  stage: ProductionStage,
): Promise<Production> {
  const { production, member } = await requireProduction(ctx, productionId);
  if (!canSetStage(member)) throw forbidden("Only the showrunner or a producer can change the stage.");
  if (production.stage === stage) return toProduction(production);
  const updated = await runCommand("productions/set-production-stage", async (tx) => {
    const doc = await ProductionModel.findOneAndUpdate(
      { _id: production._id, stage: { $ne: stage } },
      { $set: { stage } },
      { returnDocument: "after", session: tx.session },
    ).lean();
    if (!doc) return null; // set concurrently; that command recorded the event
    const events = await recordEvents(tx, production._id, new Types.ObjectId(member.userId), [
      { type: EventType.STAGE_CHANGED, stage },
    ]);
    return { ...doc, eventSeq: events.at(-1)?.seq ?? doc.eventSeq };
  });
  ctx.loaders.productionById.clear(productionId);
  return toProduction(updated ?? production);
}
