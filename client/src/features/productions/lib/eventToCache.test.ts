import { describe, expect, it } from "vitest";
import { createCache } from "../../../apollo/cache";
import {
  type ActivityEventFragment,
  ProductionEventsPageDocument,
  ProductionPageDocument,
} from "../../../gql/graphql";
import { event } from "./activityEvent.fixture";
import { applyProductionEvent } from "./eventToCache";

const user = (id: string, name: string) => ({
  __typename: "User" as const,
  id,
  name,
  email: `${id}@x.test`,
  initials: name.slice(0, 2).toUpperCase(),
});

function seeded() {
  const cache = createCache();
  cache.writeQuery({
    query: ProductionPageDocument,
    variables: { id: "p1" },
    data: {
      __typename: "Query",
      production: {
        __typename: "Production",
        id: "p1",
        title: "Show",
        stage: "DEVELOPMENT",
        kind: "SERIES",
        myRole: "SHOWRUNNER",
        createdAt: "2026-11-21T09:00:00.000Z",
        lastEventCursor: null,
        viewerCan: {
          __typename: "ProductionPermissions",
          addMember: true,
          setStage: true,
          createScript: true,
          createCut: true,
          createMix: true,
          addEpisode: true,
        },
        members: [
          {
            __typename: "Member",
            role: "SHOWRUNNER",
            joinedAt: "2026-11-21T09:00:00.000Z",
            user: user("u1", "Sasha"),
          },
        ],
        episodes: [],
        assets: [],
      },
    },
  });
  cache.writeQuery({
    query: ProductionEventsPageDocument,
    variables: { id: "p1", after: null },
    data: { __typename: "Query", production: { __typename: "Production", id: "p1", events: [] } },
  });
  const page = () => cache.readQuery({ query: ProductionPageDocument, variables: { id: "p1" } })?.production;
  const events = () =>
    cache.readQuery({ query: ProductionEventsPageDocument, variables: { id: "p1", after: null } })?.production
      ?.events;
  return { cache, page, events };
}

/** Events arrive already written by Apollo (normalised); the test writes them the same way. */
function deliver(cache: ReturnType<typeof createCache>, e: ActivityEventFragment) {
  cache.writeQuery({
    query: ProductionEventsPageDocument,
    variables: { id: "p1", after: "live" },
    data: { __typename: "Query", production: { __typename: "Production", id: "p1", events: [e] } },
  });
  applyProductionEvent(cache, "p1", e);
}

describe("production events into the cache", () => {
  it("moves the stage and lists the event once", () => {
    const { cache, page, events } = seeded();
    const e = event(1, "STAGE_CHANGED", { stage: "FILMING" });
    deliver(cache, e);
    applyProductionEvent(cache, "p1", e);
    expect(page()?.stage).toBe("FILMING");
    expect(events()?.map((x) => x.cursor)).toEqual(["c1"]);
  });

  it("adds a new member once", () => {
    const { cache, page } = seeded();
    const member = {
      __typename: "Member" as const,
      role: "EDITOR" as const,
      joinedAt: "2026-11-21T10:00:00.000Z",
      user: user("u2", "Eli"),
    };
    const e = event(2, "MEMBER_ADDED", { member });
    deliver(cache, e);
    applyProductionEvent(cache, "p1", e);
    expect(page()?.members.map((m) => [m.user.name, m.role])).toEqual([
      ["Sasha", "SHOWRUNNER"],
      ["Eli", "EDITOR"],
    ]);
  });

  it("adds episodes and assets to their lists", () => {
    const { cache, page } = seeded();
    deliver(
      cache,
      event(3, "EPISODE_ADDED", { episode: { __typename: "Episode", id: "ep1", number: 1, title: "Pilot" } }),
    );
    deliver(
      cache,
      event(4, "ASSET_CREATED", {
        asset: {
          __typename: "Asset",
          id: "a1",
          kind: "CUT",
          title: "Director's cut",
          createdAt: "2026-11-21T10:00:00.000Z",
          episode: { __typename: "Episode", id: "ep1", number: 1, title: "Pilot" },
          latestVersion: null,
        },
      }),
    );
    expect(page()?.episodes.map((e) => e.title)).toEqual(["Pilot"]);
    expect(page()?.assets.map((a) => a.title)).toEqual(["Director's cut"]);
  });
});
