import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildUser } from "../test/factories.js";
import { buildNote, buildVersion, gqlAs } from "../test/domain-factories.js";
import { errorCode, expectData } from "../test/harness.js";
import { useProductionWorld } from "../test/production-world.js";
import { firstArrivals, WebhookReceiver } from "../test/webhook-receiver.js";

// Loopback is allowed for the receiver only by this file's config; retries are quick.
const world = useProductionWorld(
  { PRODUCER: 1, EDITOR: 1 },
  {
    env: {
      WEBHOOK_ALLOWED_PRIVATE_TARGETS: "127.0.0.1/32",
      WEBHOOK_RETRY_BASE_MS: "50",
      WEBHOOK_RETRY_MAX_MS: "400",
      WEBHOOK_SWEEP_MS: "500",
      WEBHOOK_DISABLE_AFTER: "10m",
    },
  },
);
const receiver = new WebhookReceiver();
let receiverUrl = "";
beforeAll(async () => {
  receiverUrl = await receiver.start();
});
afterAll(() => receiver.close());

const CREATE = `mutation($p: ID!, $input: CreateWebhookInput!) {
  createWebhook(productionId: $p, input: $input) { secret webhook { id url eventTypes active } }
}`;
const DELIVERIES = `query($p: ID!) { production(id: $p) { webhooks { id failures
  deliveries(first: 100) { eventId seq attempt statusCode ok error redelivery } } } }`;

type Created = {
  createWebhook: { secret: string; webhook: { id: string; url: string; eventTypes: string[] } };
};

async function createWebhook(input: Record<string, unknown>, who = world.prod.as("PRODUCER")) {
  return gqlAs<Created>(world.server, who, CREATE, { p: world.prod.id, input });
}

type Log = {
  eventId: string;
  seq: number;
  attempt: number;
  statusCode: number | null;
  ok: boolean;
  redelivery: boolean;
};
async function deliveryLog(webhookId: string): Promise<Log[]> {
  const data = expectData(
    await gqlAs<{ production: { webhooks: { id: string; deliveries: Log[] }[] } }>(
      world.server,
      world.prod.showrunner,
      DELIVERIES,
      { p: world.prod.id },
    ),
  );
  return data.production.webhooks.find((w) => w.id === webhookId)?.deliveries ?? [];
}

describe("webhooks: management", () => {
  it("only the showrunner and producers manage them; non-members are told nothing exists", async () => {
    const url = receiverUrl;
    expect(errorCode(await createWebhook({ url }, world.prod.as("EDITOR")))).toBe("FORBIDDEN");
    const outsider = await buildUser(world.server);
    expect(errorCode(await createWebhook({ url }, outsider))).toBe("NOT_FOUND");
    const listed = await gqlAs(world.server, world.prod.as("EDITOR"), DELIVERIES, { p: world.prod.id });
    expect(errorCode(listed)).toBe("FORBIDDEN");
    const created = expectData(await createWebhook({ url, eventTypes: ["STAGE_CHANGED"] })).createWebhook;
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    const upd = `mutation($id: ID!) { updateWebhook(id: $id, input: { active: false }) { active } }`;
    expect(
      errorCode(await gqlAs(world.server, world.prod.as("EDITOR"), upd, { id: created.webhook.id })),
    ).toBe("FORBIDDEN");
    const del = `mutation($id: ID!) { deleteWebhook(id: $id) }`;
    expect(
      expectData(await gqlAs(world.server, world.prod.showrunner, del, { id: created.webhook.id })),
    ).toEqual({
      deleteWebhook: true,
    });
    expect(errorCode(await gqlAs(world.server, world.prod.showrunner, del, { id: created.webhook.id }))).toBe(
      "NOT_FOUND",
    );
  });

  it("the secret is shown once: no field of a webhook reads it back", async () => {
    const fields = expectData(
      await gqlAs<{ __type: { fields: { name: string }[] } }>(
        world.server,
        world.prod.showrunner,
        `{ __type(name: "Webhook") { fields { name } } }`,
      ),
    ).__type.fields.map((f) => f.name);
    expect(fields).toContain("url");
    expect(fields.filter((f) => /secret/i.test(f))).toEqual([]);
  });

  it("refuses private, loopback, link-local and non-http targets (SSRF) with BAD_USER_INPUT", async () => {
    for (const url of [
      "http://10.0.0.5/hook",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]:8080/",
      "http://127.0.0.2/", // loopback, outside this file's allow-list (127.0.0.1/32)
      "http://[::ffff:192.168.1.1]/",
      "http://0.0.0.0/",
      "ftp://example.com/",
      "https://user:pw@example.com/",
      "not a url",
    ]) {
      const res = await createWebhook({ url });
      expect(errorCode(res), url).toBe("BAD_USER_INPUT");
    }
  });
});

describe("webhooks: delivery", () => {
  it("every event arrives signed, in seq order, at least once, through failures with backoff", async () => {
    const created = expectData(await createWebhook({ url: receiverUrl })).createWebhook;
    receiver.secret = created.secret;
    receiver.failNext = 3; // the first event fails three times, then the endpoint recovers
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const editor = world.prod.as("EDITOR");
    const notes: string[] = [];
    for (let i = 0; i < 5; i++)
      notes.push(await buildNote(world.server, editor, versionId, { time: { startFrame: i } }));
    await receiver.waitUntil((r) =>
      notes.every((n) => r.accepted.some((a) => a.type === "NOTE_ADDED" && a.data.noteId === n)),
    );
    const mine = receiver.requests.filter((r) => r.productionId === world.prod.id);
    expect(mine.every((r) => r.signatureOk && r.idHeaderOk)).toBe(true);
    const first = firstArrivals(mine.filter((r) => r.status < 300));
    const seqs = first.map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // Nothing skipped: consecutive seqs from the first delivered (version, asset and note events).
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
    // The first event: three 500s, then a success on the fourth attempt, all in the log.
    const log = await deliveryLog(created.webhook.id);
    const firstSeq = seqs[0];
    const attempts = log.filter((l) => l.seq === firstSeq).sort((a, b) => a.attempt - b.attempt);
    expect(attempts.map((a) => [a.attempt, a.statusCode, a.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 500, false],
      [4, 204, true],
    ]);
    await gqlAs(world.server, world.prod.showrunner, `mutation($id: ID!) { deleteWebhook(id: $id) }`, {
      id: created.webhook.id,
    });
  });

  it("delivers only the event types of its filter, and redelivers an event with the same id on request", async () => {
    const created = expectData(
      await createWebhook({ url: receiverUrl, eventTypes: ["STAGE_CHANGED"] }),
    ).createWebhook;
    receiver.secret = created.secret;
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    await buildNote(world.server, world.prod.as("EDITOR"), versionId);
    const stage = `mutation($p: ID!, $s: ProductionStage!) { setProductionStage(productionId: $p, stage: $s) { stage } }`;
    expectData(
      await gqlAs(world.server, world.prod.showrunner, stage, { p: world.prod.id, s: "POST_PRODUCTION" }),
    );
    const before = receiver.requests.length;
    const mine = () => receiver.requests.slice(before);
    await receiver.waitUntil(() => mine().some((x) => x.type === "STAGE_CHANGED" && x.status < 300));
    expect(mine().map((x) => x.type)).toEqual(["STAGE_CHANGED"]);
    const event = mine()[0];
    const redeliver = `mutation($w: ID!, $e: ID!) { redeliverWebhookEvent(webhookId: $w, eventId: $e) { id } }`;
    expectData(
      await gqlAs(world.server, world.prod.as("PRODUCER"), redeliver, {
        w: created.webhook.id,
        e: event?.id,
      }),
    );
    await receiver.waitUntil(() => mine().filter((x) => x.id === event?.id).length === 2);
    const log = await deliveryLog(created.webhook.id);
    expect(
      log
        .filter((l) => l.eventId === event?.id)
        .map((l) => l.redelivery)
        .sort(),
    ).toEqual([false, true]);
    // An event of another production is not this webhook's to redeliver.
    const other = `mutation($w: ID!) { redeliverWebhookEvent(webhookId: $w, eventId: "${"0".repeat(24)}") { id } }`;
    expect(
      errorCode(await gqlAs(world.server, world.prod.showrunner, other, { w: created.webhook.id })),
    ).toBe("NOT_FOUND");
  });
});
