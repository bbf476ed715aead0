import mongoose from "mongoose";
import { ProductionStage } from "../productions/production.enums.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { ProductionModel } from "../productions/production.model.js";
import { connectAs, eventOf, nextsOf, type RawClient } from "../test/ws-test-client.js";
import {
  type BuiltProduction,
  buildNote,
  buildProduction,
  buildVersion,
  gqlAs,
} from "../test/domain-factories.js";
import { expectData, startTestServer, type TestServer, writeOutsideCommands } from "../test/harness.js";
import { EventType } from "./event.enums.js";
import { EventModel } from "./event.model.js";
import { EVENT_SETTLE_MS } from "../core/event-order.js";
import { releasedTailSeq } from "./event.tail.js";

let server: TestServer;
const clients: RawClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

const PAGE = `query($p: ID!) { production(id: $p) { events(first: 500) { cursor } lastEventCursor } }`;
const VERSION_PAGE = `query($v: ID!) { version(id: $v) { notes { edges { node { id } } } lastEventCursor } }`;

interface Page {
  production: { events: { cursor: string }[]; lastEventCursor: string | null };
}

async function pageOf(prod: BuiltProduction): Promise<Page["production"]> {
  return expectData(await gqlAs<Page>(server, prod.showrunner, PAGE, { p: prod.id })).production;
}

/** Bodies of the notes delivered on subscription `id` (one per NOTE_ADDED event). */
function deliveredBodies(c: RawClient, id: string): string[] {
  return c.messages.filter(nextsOf(id)).map((m) => eventOf(m).note?.body ?? `<${eventOf(m).type}>`);
}

describe("lastEventCursor", () => {
  it("Production: an event written between the page and the subscription arrives exactly once", async () => {
    const prod = await buildProduction(server);
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    await buildNote(server, prod.showrunner, versionId, undefined, "before");
    const page = await pageOf(prod);
    expect(page.lastEventCursor).toBe(page.events.at(-1)?.cursor);

    await buildNote(server, prod.showrunner, versionId, undefined, "between");
    const c = await connectAs(server.wsUrl, prod.showrunner.token);
    clients.push(c);
    c.subscribe(
      "p",
      `subscription($p: ID!, $after: String) {
        productionEvents(productionId: $p, after: $after) { cursor type note { body } }
      }`,
      { p: prod.id, after: page.lastEventCursor },
    );
    await c.waitFor((m) => nextsOf("p")(m) && eventOf(m).note?.body === "between");
    await buildNote(server, prod.showrunner, versionId, undefined, "after");
    await c.waitFor((m) => nextsOf("p")(m) && eventOf(m).note?.body === "after");
    expect(deliveredBodies(c, "p")).toEqual(["between", "after"]);
  });

  it("Version: the same seam for versionEvents, ignoring other versions' events", async () => {
    const prod = await buildProduction(server);
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    const other = (await buildVersion(server, prod, AssetKind.MIX)).versionId;
    await buildNote(server, prod.showrunner, versionId, undefined, "before");
    await buildNote(server, prod.showrunner, other, undefined, "elsewhere");
    const res = await gqlAs<{ version: { lastEventCursor: string | null } }>(
      server,
      prod.showrunner,
      VERSION_PAGE,
      { v: versionId },
    );
    const cursor = expectData(res).version.lastEventCursor;
    expect(cursor).toEqual(expect.any(String));

    await buildNote(server, prod.showrunner, versionId, undefined, "between");
    const c = await connectAs(server.wsUrl, prod.showrunner.token);
    clients.push(c);
    c.subscribe(
      "v",
      `subscription($v: ID!, $after: String) {
        versionEvents(versionId: $v, after: $after) { cursor type note { body } }
      }`,
      { v: versionId, after: cursor },
    );
    await c.waitFor((m) => nextsOf("v")(m) && eventOf(m).note?.body === "between");
    await buildNote(server, prod.showrunner, versionId, undefined, "after");
    await c.waitFor((m) => nextsOf("v")(m) && eventOf(m).note?.body === "after");
    expect(deliveredBodies(c, "v")).toEqual(["between", "after"]);
  });

  it("stops before a gap that may still fill, and passes it once the gap is abandoned", async () => {
    const prod = await buildProduction(server);
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    await buildNote(server, prod.showrunner, versionId, undefined, "before the gap");
    const before = await pageOf(prod);
    // A writer that allocated a seq and has not inserted yet.
    const allocated = await writeOutsideCommands(() =>
      ProductionModel.findOneAndUpdate(
        { _id: prod.id },
        { $inc: { eventSeq: 1 } },
        { returnDocument: "after" },
      ).lean(),
    );
    const slowSeq = allocated?.eventSeq as number;
    await buildNote(server, prod.showrunner, versionId, undefined, "after the gap");

    const page = await pageOf(prod);
    expect(page.lastEventCursor).toBe(before.lastEventCursor);
    expect(page.events.at(-1)?.cursor).toBe(before.lastEventCursor); // the same rule as events

    const late = new Date(Date.now() + EVENT_SETTLE_MS + 1_000);
    expect(await releasedTailSeq(prod.id, late)).toBe(slowSeq + 1); // abandoned: skipped

    await writeOutsideCommands(() =>
      EventModel.create({
        productionId: new mongoose.Types.ObjectId(prod.id),
        seq: slowSeq,
        type: EventType.STAGE_CHANGED,
        at: new Date(),
        actorId: null,
        stage: ProductionStage.FILMING,
      }),
    );
    expect(await releasedTailSeq(prod.id)).toBe(slowSeq + 1); // filled
  });

  it("names the start of the log when there is no event yet", async () => {
    const prod = await buildProduction(server);
    const page = await pageOf(prod);
    expect(page.events).toEqual([]);
    expect(page.lastEventCursor).toEqual(expect.any(String));
    expect(await releasedTailSeq(prod.id)).toBe(0);
  });
});
