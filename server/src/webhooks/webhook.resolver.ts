import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { runtime } from "../core/runtime.js";
import { Production } from "../productions/production.type.js";
import { createWebhookCommand } from "./create-webhook.command.js";
import { deleteWebhookCommand } from "./delete-webhook.command.js";
import { redeliverWebhookEventCommand } from "./redeliver-webhook-event.command.js";
import { rotateWebhookSecretCommand } from "./rotate-webhook-secret.command.js";
import { updateWebhookCommand } from "./update-webhook.command.js";
import { listDeliveries, listWebhooks } from "./webhook.service.js";
import {
  CreateWebhookInput,
  toWebhook,
  toWebhookDelivery,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
  WebhookWithSecret,
} from "./webhook.type.js";

const MANAGERS = "SHOWRUNNER, PRODUCER (FORBIDDEN for other members, NOT_FOUND for non-members).";
const policy = () => runtime().config.webhooks;
const withSecret = ({ webhook, secret }: { webhook: Parameters<typeof toWebhook>[0]; secret: string }) =>
  Object.assign(new WebhookWithSecret(), { webhook: toWebhook(webhook), secret });

@Resolver()
export class WebhookResolver {
  @Authorized()
  @Mutation(() => WebhookWithSecret, {
    description: `${MANAGERS} Deliveries start with the next event. The secret is in this answer only. At most 10 per production (CONFLICT).`,
  })
  async createWebhook(
    @Arg("productionId", () => ID, { description: "The production whose events are sent." })
    productionId: string,
    @Arg("input", () => CreateWebhookInput, { description: "URL and event filter." })
    input: CreateWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<WebhookWithSecret> {
    return withSecret(await createWebhookCommand(ctx, productionId, input, policy()));
  }

  @Authorized()
  @Mutation(() => Webhook, { description: `${MANAGERS} Changes the URL, the filter, or pauses and resumes.` })
  async updateWebhook(
    @Arg("id", () => ID, { description: "The webhook." }) id: string,
    @Arg("input", () => UpdateWebhookInput, {
      description: "The changes; fields left null stay as they are.",
    })
    input: UpdateWebhookInput,
    @Ctx() ctx: Context,
  ): Promise<Webhook> {
    return toWebhook(await updateWebhookCommand(ctx, id, input, policy()));
  }

  @Authorized()
  @Mutation(() => WebhookWithSecret, {
    description: `${MANAGERS} A new secret, in this answer only; the old one stops signing.`,
  })
  async rotateWebhookSecret(
    @Arg("id", () => ID, { description: "The webhook." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<WebhookWithSecret> {
    return withSecret(await rotateWebhookSecretCommand(ctx, id));
  }

  @Authorized()
  @Mutation(() => Boolean, { description: `${MANAGERS} Deletes the webhook and its delivery log.` })
  deleteWebhook(
    @Arg("id", () => ID, { description: "The webhook." }) id: string,
    @Ctx() ctx: Context,
  ): Promise<boolean> {
    return deleteWebhookCommand(ctx, id);
  }

  @Authorized()
  @Mutation(() => Webhook, {
    description: `${MANAGERS} Queues one event of the production to be sent again, with the same event id (at most 50 waiting: CONFLICT).`,
  })
  async redeliverWebhookEvent(
    @Arg("webhookId", () => ID, { description: "The webhook to send through." }) webhookId: string,
    @Arg("eventId", () => ID, {
      description: "The event to send again (ProductionEvent.id of the webhook's production).",
    })
    eventId: string,
    @Ctx() ctx: Context,
  ): Promise<Webhook> {
    return toWebhook(await redeliverWebhookEventCommand(ctx, webhookId, eventId));
  }
}

/** Production.webhooks: the webhooks domain joins the productions domain's type. */
@Resolver(() => Production)
export class ProductionWebhooksResolver {
  @FieldResolver(() => [Webhook], { description: `The production's webhooks. ${MANAGERS}` })
  async webhooks(@Root() p: Production, @Ctx() ctx: Context): Promise<Webhook[]> {
    return (await listWebhooks(ctx, p.id)).map(toWebhook);
  }
}

@Resolver(() => Webhook)
export class WebhookDeliveriesResolver {
  @FieldResolver(() => [WebhookDelivery], {
    description: "The delivery log, newest attempt first (`first`: 1-100, default 20).",
  })
  async deliveries(
    @Root() w: Webhook,
    @Arg("first", () => Int, { nullable: true, description: "How many attempts, 1 to 100; default 20." })
    first: number | null,
  ): Promise<WebhookDelivery[]> {
    return (await listDeliveries(w.id, first)).map(toWebhookDelivery);
  }
}
