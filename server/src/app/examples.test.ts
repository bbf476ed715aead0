import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, validate } from "graphql";
import { createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { REPO_ROOT } from "../config/config.js";
import { buildUser } from "../test/factories.js";
import { expectData, startTestServer, type TestServer } from "../test/harness.js";
import { buildGreenlightSchema } from "./schema.js";

/** Runs every operation in schema/examples/ against a real server, as tool authors would. */
const dir = join(REPO_ROOT, "schema", "examples");
const example = (name: string) => readFileSync(join(dir, `${name}.graphql`), "utf8");

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

describe("schema/examples", () => {
  it("every example is valid against the served schema", async () => {
    const schema = await buildGreenlightSchema();
    const files = readdirSync(dir).filter((f) => f.endsWith(".graphql"));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const file of files) {
      const errors = validate(schema, parse(readFileSync(join(dir, file), "utf8"))).map((e) => e.message);
      expect(errors, file).toEqual([]);
    }
  });

  it("runs end to end: sign in, API token, productions, add and page notes, subscribe to events", async () => {
    const owner = await buildUser(t, { name: "Sam Showrunner" });

    // sign-in.graphql
    const signedIn = expectData(
      await t.gql<{ signIn: { token: string } }>(example("sign-in"), {
        email: owner.email,
        password: owner.password,
      }),
    );
    // create-api-token.graphql: everything below runs as a tool would, with the API token.
    const { createApiToken } = expectData(
      await t.gql<{ createApiToken: { token: string } }>(
        example("create-api-token"),
        { name: "examples" },
        { token: signedIn.signIn.token },
      ),
    );
    const token = createApiToken.token;

    // Setup through the contract's mutations.
    const production = expectData(
      await t.gql<{ createProduction: { id: string } }>(
        "mutation($input: CreateProductionInput!) { createProduction(input: $input) { id } }",
        { input: { title: "Example Show" } },
        { token },
      ),
    ).createProduction;
    const asset = expectData(
      await t.gql<{ createAsset: { id: string } }>(
        "mutation($input: CreateAssetInput!) { createAsset(input: $input) { id } }",
        { input: { productionId: production.id, kind: "SCRIPT", title: "Pilot" } },
        { token },
      ),
    ).createAsset;
    const version = expectData(
      await t.gql<{ addVersion: { id: string } }>(
        "mutation($input: AddVersionInput!) { addVersion(input: $input) { id } }",
        { input: { assetId: asset.id, text: "INT. KITCHEN - NIGHT\nANNA\nWe should go.\nBEN\nNot yet." } },
        { token },
      ),
    ).addVersion;

    // list-productions.graphql
    const listed = expectData(
      await t.gql<{ productions: { id: string; myRole: string }[] }>(
        example("list-productions"),
        {},
        { token },
      ),
    );
    expect(listed.productions).toContainEqual(
      expect.objectContaining({ id: production.id, myRole: "SHOWRUNNER" }),
    );

    // add-note.graphql
    const added = expectData(
      await t.gql<{ addNote: { id: string; anchor: { quote: string } } }>(
        example("add-note"),
        { input: { versionId: version.id, body: "Too on the nose", script: { lineStart: 2, lineEnd: 3 } } },
        { token },
      ),
    ).addNote;
    expect(added.anchor.quote).toBe("ANNA\nWe should go.");
    await t.gql(
      example("add-note"),
      { input: { versionId: version.id, body: "Keep this", script: { lineStart: 5, lineEnd: 5 } } },
      { token },
    );

    // version-notes.graphql, page by page.
    type Page = {
      version: {
        notes: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { id: string } }[];
        };
      };
    };
    const first = expectData(
      await t.gql<Page>(example("version-notes"), { versionId: version.id, first: 1 }, { token }),
    );
    expect(first.version.notes.totalCount).toBe(2);
    expect(first.version.notes.pageInfo.hasNextPage).toBe(true);
    expect(first.version.notes.edges.map((e) => e.node.id)).toEqual([added.id]);
    const second = expectData(
      await t.gql<Page>(
        example("version-notes"),
        { versionId: version.id, first: 1, after: first.version.notes.pageInfo.endCursor },
        { token },
      ),
    );
    expect(second.version.notes.pageInfo.hasNextPage).toBe(false);

    // production-events.graphql over WebSocket: replay after the first event, then live.
    const events = expectData(
      await t.gql<{ production: { events: { cursor: string; type: string }[] } }>(
        "query($id: ID!) { production(id: $id) { events { cursor type } } }",
        { id: production.id },
        { token },
      ),
    ).production.events;
    expect(events.map((e) => e.type).slice(0, 2)).toEqual(["ASSET_CREATED", "VERSION_ADDED"]);
    const client = createClient({
      url: t.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    try {
      const received: string[] = [];
      let liveSent = false;
      await new Promise<void>((resolve, reject) => {
        client.subscribe<{ productionEvents: { type: string; note: { body: string } | null } }>(
          {
            query: example("production-events"),
            variables: { productionId: production.id, after: events[0]?.cursor },
          },
          {
            next: (msg) => {
              if (msg.errors) return reject(new Error(JSON.stringify(msg.errors)));
              const ev = msg.data?.productionEvents;
              if (!ev) return;
              received.push(`${ev.type}${ev.note ? `:${ev.note.body}` : ""}`);
              // Replay done (both notes seen): trigger one live event.
              if (!liveSent && received.length === events.length - 1) {
                liveSent = true;
                t.gql(
                  example("add-note"),
                  {
                    input: { versionId: version.id, body: "Live one", script: { lineStart: 1, lineEnd: 1 } },
                  },
                  { token },
                ).catch(reject);
              }
              if (ev.note?.body === "Live one") resolve();
            },
            error: (err) => reject(err instanceof Error ? err : new Error(JSON.stringify(err))),
            complete: () => reject(new Error("subscription completed early")),
          },
        );
      });
      expect(received).toEqual([
        "VERSION_ADDED",
        "NOTE_ADDED:Too on the nose",
        "NOTE_ADDED:Keep this",
        "NOTE_ADDED:Live one",
      ]);
    } finally {
      await client.dispose();
    }
  });
});
