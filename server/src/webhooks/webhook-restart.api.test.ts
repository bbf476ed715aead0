import { afterAll, beforeAll, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildNote, buildProduction, buildVersion, gqlAs } from "../test/domain-factories.js";
import { expectData, startTestServer, type TestServer } from "../test/harness.js";
import { firstArrivals, WebhookReceiver } from "../test/webhook-receiver.js";

const env = {
  WEBHOOK_ALLOWED_PRIVATE_TARGETS: "127.0.0.1/32",
  WEBHOOK_RETRY_BASE_MS: "50",
  WEBHOOK_RETRY_MAX_MS: "400",
  WEBHOOK_SWEEP_MS: "500",
  WEBHOOK_DISABLE_AFTER: "10m",
};
const receiver = new WebhookReceiver();
let receiverUrl = "";
const open: TestServer[] = [];
beforeAll(async () => {
  receiverUrl = await receiver.start();
});
afterAll(async () => {
  for (const s of open.reverse()) await s.close();
  await receiver.close();
});

it("a webhook failing on a process that stops is resumed by another from its stored cursor: nothing lost, in order, no accepted duplicates", async () => {
  const a = await startTestServer({ env });
  open.push(a);
  const prod = await buildProduction(a, { members: { EDITOR: 1 } });
  const created = expectData(
    await gqlAs<{ createWebhook: { secret: string } }>(
      a,
      prod.showrunner,
      `mutation($p: ID!, $u: String!) { createWebhook(productionId: $p, input: { url: $u, eventTypes: [NOTE_ADDED] }) { secret } }`,
      { p: prod.id, u: receiverUrl },
    ),
  ).createWebhook;
  receiver.secret = created.secret;
  receiver.failing = true;
  const { versionId } = await buildVersion(a, prod, AssetKind.CUT);
  const notes: string[] = [];
  for (let i = 0; i < 4; i++)
    notes.push(await buildNote(a, prod.as("EDITOR"), versionId, { time: { startFrame: i } }));
  await receiver.waitUntil((r) => r.requests.length >= 2); // A is retrying the first note

  // A second process starts; A stops (its dispatcher finishes its request and gives the lease back).
  const b = await startTestServer({ env });
  open.push(b);
  await a.close();
  open.splice(open.indexOf(a), 1);
  receiver.failing = false;
  for (let i = 4; i < 6; i++)
    notes.push(await buildNote(b, prod.as("EDITOR"), versionId, { time: { startFrame: i } }));

  await receiver.waitUntil((r) => notes.every((n) => r.accepted.some((x) => x.data.noteId === n)));
  const accepted = receiver.accepted;
  expect(accepted.map((x) => x.data.noteId)).toEqual(notes); // each once, in order
  expect(firstArrivals(receiver.requests).map((x) => x.data.noteId)).toEqual(notes);
  expect(receiver.requests.every((x) => x.signatureOk && x.type === "NOTE_ADDED")).toBe(true);
});
