import { gql } from "./gql.js";
import type { ConnectSpec } from "./loader-pool.js";

export interface Person {
  id: string;
  email: string;
  token: string;
}

export interface Fixture {
  owner: Person;
  /** Members who subscribe (all with the same role, as a real crew's viewers would be). */
  viewers: Person[];
  productionId: string;
  versionId: string;
}

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }`;

export async function signUp(url: string, tag: string): Promise<Person> {
  const email = `${tag}-${process.pid}-${Date.now().toString(36)}@bench.greenlight.test`;
  const r = await gql<{ signUp: { token: string; user: { id: string } } }>(url, SIGN_UP, {
    input: { email, name: `Bench ${tag}`, password: "bench-password-1" },
  });
  return { id: r.signUp.user.id, email, token: r.signUp.token };
}

/** A production with a cut version, its owner and `viewerCount` members, all through the API. */
export async function createFixture(
  url: string,
  viewerCount: number,
  title = "Bench show",
): Promise<Fixture> {
  const owner = await signUp(url, "owner");
  const viewers = await Promise.all(Array.from({ length: viewerCount }, (_, i) => signUp(url, `viewer${i}`)));
  const p = await gql<{ createProduction: { id: string } }>(
    url,
    `mutation($input: CreateProductionInput!) { createProduction(input: $input) { id } }`,
    { input: { title } },
    owner.token,
  );
  const productionId = p.createProduction.id;
  const a = await gql<{ createAsset: { id: string } }>(
    url,
    `mutation($input: CreateAssetInput!) { createAsset(input: $input) { id } }`,
    { input: { productionId, kind: "CUT", title: "Episode 1 — editor's cut" } },
    owner.token,
  );
  const v = await gql<{ addVersion: { id: string } }>(
    url,
    `mutation($input: AddVersionInput!) { addVersion(input: $input) { id } }`,
    { input: { assetId: a.createAsset.id, durationFrames: 1_000_000, startTimecode: "01:00:00:00" } },
    owner.token,
  );
  for (const viewer of viewers) {
    await gql(
      url,
      `mutation($p: ID!, $e: String!) { addMember(productionId: $p, email: $e, role: EDITOR) { role } }`,
      { p: productionId, e: viewer.email },
      owner.token,
    );
  }
  return { owner, viewers, productionId, versionId: v.addVersion.id };
}

/**
 * What the subscribers ask for: a production's live events with the note, its author and anchor,
 * the shape an activity feed renders. Every subscriber sends the same text, as one client build does.
 */
export const EVENTS_SUBSCRIPTION = `subscription BenchEvents($productionId: ID!) {
  productionEvents(productionId: $productionId) {
    id cursor type at productionId
    actor { id name initials }
    note {
      id body status category createdAt authorRole replyCount
      author { id name initials }
      anchor { ... on TimeAnchor { startFrame endFrame startTimecode endTimecode } }
      version { id number }
    }
  }
}`;

const ADD_NOTE = `mutation($input: AddNoteInput!) { addNote(input: $input) { id } }`;

/** The marker loaders find in a frame to know which event it carries. */
export const marker = (k: number) => `bench#${k};`;

/** Pads note bodies so a delivered frame is about the size the anchors were measured at. */
const BODY_PAD =
  " Dialogue dips under the score in the cafe scene; lift DX 2 dB and check the cut on the door slam.";

export async function addNote(url: string, token: string, versionId: string, k: number): Promise<string> {
  const r = await gql<{ addNote: { id: string } }>(
    url,
    ADD_NOTE,
    { input: { versionId, body: `${marker(k)}${BODY_PAD}`, time: { startFrame: 1000 + (k % 10_000) } } },
    token,
  );
  return r.addNote.id;
}

/** Loaders' sockets on `wsUrl`: the fixture's viewers, each subscribed to its production's events. */
export function eventsSpec(wsUrl: string, f: Fixture): ConnectSpec {
  return {
    url: wsUrl,
    mode: "graphql",
    tokens: f.viewers.map((v) => v.token),
    query: EVENTS_SUBSCRIPTION,
    variables: { productionId: f.productionId },
  };
}
