import { afterAll, beforeAll, expect, it } from "vitest";
import { gqlAs } from "../test/domain-factories.js";
import { expectData, LogSink } from "../test/harness.js";
import { useProductionWorld } from "../test/production-world.js";
import { WebhookReceiver } from "../test/webhook-receiver.js";

const log = new LogSink();
const world = useProductionWorld(
  {},
  {
    env: {
      WEBHOOK_ALLOWED_PRIVATE_TARGETS: "127.0.0.1/32",
      WEBHOOK_RETRY_BASE_MS: "100",
      WEBHOOK_RETRY_MAX_MS: "300",
      WEBHOOK_SWEEP_MS: "500",
      WEBHOOK_DISABLE_AFTER: "1s",
    },
    logTo: log,
  },
);
const receiver = new WebhookReceiver();
let receiverUrl = "";
beforeAll(async () => {
  receiverUrl = await receiver.start();
});
afterAll(() => receiver.close());

const STAGE = `mutation($p: ID!, $s: ProductionStage!) { setProductionStage(productionId: $p, stage: $s) { stage } }`;
const STATE = `query($p: ID!) { production(id: $p) { webhooks { id active disabledReason failingSince failures } } }`;
type State = {
  production: {
    webhooks: { id: string; active: boolean; disabledReason: string | null; failingSince: string | null }[];
  };
};

it("an endpoint failing for WEBHOOK_DISABLE_AFTER is disabled with a notice; turned on again, it resumes from the event it stopped at", async () => {
  const { showrunner } = world.prod;
  const created = expectData(
    await gqlAs<{ createWebhook: { secret: string; webhook: { id: string } } }>(
      world.server,
      showrunner,
      `mutation($p: ID!, $u: String!) { createWebhook(productionId: $p, input: { url: $u }) { secret webhook { id } } }`,
      { p: world.prod.id, u: receiverUrl },
    ),
  ).createWebhook;
  receiver.secret = created.secret;
  receiver.failing = true;
  expectData(await gqlAs(world.server, showrunner, STAGE, { p: world.prod.id, s: "FILMING" }));

  const notice = await log.waitFor((l) => String(l.msg).startsWith("webhook disabled"), 30_000);
  expect(notice).toMatchObject({ level: "warn", webhookId: created.webhook.id, productionId: world.prod.id });
  const off = expectData(await gqlAs<State>(world.server, showrunner, STATE, { p: world.prod.id })).production
    .webhooks[0];
  expect(off?.active).toBe(false);
  expect(off?.disabledReason).toMatch(/^Disabled on .* every delivery failed since /);
  const triedWhileOn = receiver.requests.length;
  expect(triedWhileOn).toBeGreaterThanOrEqual(2);

  receiver.failing = false;
  const on = `mutation($id: ID!) { updateWebhook(id: $id, input: { active: true }) { active disabledReason failures } }`;
  expect(expectData(await gqlAs(world.server, showrunner, on, { id: created.webhook.id }))).toEqual({
    updateWebhook: { active: true, disabledReason: null, failures: 0 },
  });
  await receiver.waitUntil((r) => r.accepted.length === 1);
  expect(receiver.accepted[0]).toMatchObject({ type: "STAGE_CHANGED", data: { stage: "FILMING" } });
  const after = expectData(await gqlAs<State>(world.server, showrunner, STATE, { p: world.prod.id }))
    .production.webhooks[0];
  expect(after?.failingSince).toBeNull();
});
