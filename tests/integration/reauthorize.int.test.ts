import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addNote, gql, listEvents, type Setup, setupProduction, signUp, type User } from "./support/api.js";
import { type Cluster, startCluster } from "./support/processes.js";
import { Socket } from "./support/socket.js";

/**
 * Authorisation is re-checked per event, across processes: the membership changes are written
 * through server A, the subscribers sit on server B, which learns of them only from its change
 * stream. The removal (or role change) is itself an event in the production's ordered stream, so
 * "at once" means: the subscriber receives nothing from that event on, while members on the same
 * process go on receiving.
 */
let cluster: Cluster;
let a: string;
let setup: Setup;
beforeAll(async () => {
  cluster = await startCluster(2);
  a = cluster.urls[0] as string;
  setup = await setupProduction(a);
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

const EVENTS = `subscription($p: ID!, $after: String) {
  productionEvents(productionId: $p, after: $after) { cursor type note { body viewerCan { reply edit } } }
}`;
interface Ev {
  productionEvents: {
    cursor: string;
    type: string;
    note: { body: string; viewerCan: { reply: boolean; edit: boolean } } | null;
  };
}
const ADD = `mutation($p: ID!, $e: String!, $r: Role!) { addMember(productionId: $p, email: $e, role: $r) { role } }`;
const REMOVE = `mutation($p: ID!, $u: ID!) { removeMember(productionId: $p, userId: $u) }`;

async function member(role: string): Promise<User> {
  const u = await signUp(a, role);
  await gql(a, ADD, { p: setup.productionId, e: u.email, r: role }, setup.showrunner.token);
  return u;
}

/**
 * Subscribes on server B and waits until the subscription is live (its probe note arrives). It
 * subscribes from the log's current end, so the probe arrives whether B joins the live stream
 * before or after the probe's event reached B: without `after`, a probe dispatched on B before
 * the subscription joined would be missed and the wait would never end.
 */
async function subscribedOnB(u: User, id: string): Promise<Socket> {
  const s = await Socket.open(cluster.wsUrls[1] as string, u.token);
  const after = (await listEvents(a, setup.showrunner.token, setup.productionId, null)).at(-1) ?? null;
  s.subscribe(id, EVENTS, { p: setup.productionId, after });
  const probe = `probe ${id}`;
  const live = s.until((f) => f.type === "next" && JSON.stringify(f.payload).includes(probe));
  await addNote(a, setup.showrunner.token, setup.versionId, probe);
  await live;
  return s;
}

/** Waits until subscription `id` on `s` has received the note with this body. */
const received = (s: Socket, id: string, body: string) =>
  s.until((f) => f.type === "next" && f.id === id && JSON.stringify(f.payload).includes(body));

const bodies = (s: Socket, id: string) => s.nexts<Ev>(id).map((e) => e.productionEvents.note?.body);

describe("per-event re-authorisation across processes (changes on A, subscribers on B)", () => {
  it("a member removed on A stops receiving on B at once; others on B go on", async () => {
    const gone = await member("DIRECTOR");
    const x = await subscribedOnB(gone, "x");
    const witness = await subscribedOnB(setup.members[2] as User, "w"); // PRODUCER
    await gql(a, REMOVE, { p: setup.productionId, u: gone.id }, setup.showrunner.token);
    await addNote(a, setup.showrunner.token, setup.versionId, "after removal");
    await witness.until((f) => f.type === "next" && JSON.stringify(f.payload).includes("after removal"));
    await x.until((f) => f.type === "complete" && f.id === "x");
    // Nothing from the removal on: not the MEMBER_REMOVED event, not the note after it.
    const types = x.nexts<Ev>("x").map((e) => e.productionEvents.type);
    expect(types).not.toContain("MEMBER_REMOVED");
    expect(bodies(x, "x")).not.toContain("after removal");
    const removedSeen = witness.nexts<Ev>("w").map((e) => e.productionEvents.type);
    expect(removedSeen).toContain("MEMBER_REMOVED");
    // Resubscribing is refused as for any non-member.
    x.subscribe("x2", EVENTS, { p: setup.productionId });
    const refused = await x.until((f) => f.type === "error" && f.id === "x2");
    expect(JSON.stringify(refused.payload)).toContain("NOT_FOUND");
    x.close();
    witness.close();
  });

  it("a member whose role changes on A: their old-role subscription on B ends before the change; resumed, they get only what the new role allows", async () => {
    const changing = await member("EDITOR");
    const x = await subscribedOnB(changing, "x");
    // Another EDITOR on B shares x's group: the check is per subscriber, not per group.
    const peer = await subscribedOnB(setup.members[0] as User, "p");
    // The peer's probe reaches x on its own socket, in its own time: the last event x saw before
    // the change is that probe, whichever socket B wrote first.
    await received(x, "x", "probe p");
    const beforeChange = x.nexts<Ev>("x").at(-1)?.productionEvents.cursor as string;
    expect(x.nexts<Ev>("x").at(-1)?.productionEvents.note?.viewerCan.reply).toBe(true);

    // The change: EDITOR -> VIEWER (the API changes a role by removing and adding again).
    await gql(a, REMOVE, { p: setup.productionId, u: changing.id }, setup.showrunner.token);
    await gql(a, ADD, { p: setup.productionId, e: changing.email, r: "VIEWER" }, setup.showrunner.token);
    await addNote(a, setup.showrunner.token, setup.versionId, "after the change");
    await peer.until((f) => f.type === "next" && JSON.stringify(f.payload).includes("after the change"));
    await x.until((f) => f.type === "complete" && f.id === "x");
    expect(bodies(x, "x")).not.toContain("after the change");
    expect(x.nexts<Ev>("x").at(-1)?.productionEvents.cursor).toBe(beforeChange);

    // Resumed from its last cursor on B: the missed events, each computed for the VIEWER role.
    x.subscribe("x2", EVENTS, { p: setup.productionId, after: beforeChange });
    await x.until(
      (f) => f.type === "next" && f.id === "x2" && JSON.stringify(f.payload).includes("after the change"),
    );
    const resumed = x.nexts<Ev>("x2").map((e) => e.productionEvents);
    expect(resumed.map((e) => e.type)).toEqual(["MEMBER_REMOVED", "MEMBER_ADDED", "NOTE_ADDED"]);
    expect(resumed[2]?.note?.viewerCan).toEqual({ reply: false, edit: false });
    const peerView = peer.nexts<Ev>("p").find((e) => e.productionEvents.note?.body === "after the change");
    expect(peerView?.productionEvents.note?.viewerCan.reply).toBe(true);
    x.close();
    peer.close();
  });
});
