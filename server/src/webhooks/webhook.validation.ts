import type { EventType } from "../events/event.enums.js";
import { badInput } from "../errors/app-errors.js";
import { validateWebhookUrl, type TargetPolicy } from "./webhook-target.js";

/** The saved form of a URL (normalised by WHATWG URL) after the SSRF guard's checks. */
export function webhookUrl(input: string, policy: TargetPolicy): string {
  return validateWebhookUrl(input.trim(), policy).toString();
}

/** A filter of distinct types; the GraphQL enum already refused unknown names. */
export function webhookEventTypes(types: readonly EventType[] | null | undefined): EventType[] {
  const list = [...new Set(types ?? [])];
  if (types && list.length !== types.length)
    throw badInput("Each event type may be listed once.", { eventTypes: "listed twice" });
  return list;
}
