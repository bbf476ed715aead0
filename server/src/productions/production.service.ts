import { Types } from "mongoose";
import { requireViewer } from "../auth/auth-checker.js";
import type { Context } from "../core/context.js";
import { forbidden } from "../errors/app-errors.js";
import { EventType } from "../events/event.enums.js";
import { recordEvents } from "../events/event.service.js";
import { MembershipModel } from "./membership.model.js";
import { ProductionKind, ProductionStage, Role } from "./production.enums.js";
import { requireProduction, viewerMembership } from "./production.access.js";
import { ProductionModel } from "./production.model.js";
import { canSetStage } from "./production.policy.js";
import { type Production, toProduction } from "./production.type.js";
import { requiredText } from "../core/text.js";

/** Cap on "my productions" (no unbounded queries). */
export const MAX_PRODUCTIONS_LISTED = 500;

export async function listMyProductions(ctx: Context): Promise<Production[]> {
  const viewer = requireViewer(ctx);
  const memberships = await MembershipModel.find(
    { userId: new Types.ObjectId(viewer.userId) },
    { productionId: 1 },
  )
    .sort({ joinedAt: 1 })
    .limit(MAX_PRODUCTIONS_LISTED)
    .lean();
  const docs = await Promise.all(
    memberships.map((m) => ctx.loaders.productionById.load(String(m.productionId))),
  );
  return docs.filter((d) => d !== null).map(toProduction);
}

/** Single-object query: null for unknown, malformed, or not a member. */
export async function findProduction(ctx: Context, id: string): Promise<Production | null> {
  requireViewer(ctx);
  if (!(await viewerMembership(ctx, id))) return null;
  const doc = await ctx.loaders.productionById.load(id);
  return doc ? toProduction(doc) : null;
}

export async function createProduction(
  ctx: Context,
  input: { title: string; kind?: ProductionKind | null },
): Promise<Production> {
  const viewer = requireViewer(ctx);
  const title = requiredText(input.title, "title", 200);
  const userId = new Types.ObjectId(viewer.userId);
  const created = await ProductionModel.create({
    title,
    kind: input.kind ?? ProductionKind.SERIES,
    stage: ProductionStage.DEVELOPMENT,
    createdBy: userId,
    createdAt: new Date(),
    eventSeq: 0,
  });
  await MembershipModel.create({
    productionId: created._id,
    userId,
    role: Role.SHOWRUNNER,
    joinedAt: new Date(),
  });
  return toProduction(created.toObject());
}

/** Any stage may follow any other; setting the current stage changes nothing and records nothing. */
export async function setProductionStage(
  ctx: Context,
  productionId: string,
  stage: ProductionStage,
): Promise<Production> {
  const { production, member } = await requireProduction(ctx, productionId);
  if (!canSetStage(member)) throw forbidden("Only the showrunner or a producer can change the stage.");
  if (production.stage === stage) return toProduction(production);
  const updated = await ProductionModel.findOneAndUpdate(
    { _id: production._id },
    { $set: { stage } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) return toProduction(production);
  const events = await recordEvents(production._id, new Types.ObjectId(member.userId), [
    { type: EventType.STAGE_CHANGED, stage },
  ]);
  ctx.loaders.productionById.clear(productionId);
  return toProduction({ ...updated, eventSeq: events.at(-1)?.seq ?? updated.eventSeq });
}
