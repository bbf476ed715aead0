import type { ApolloCache, Reference } from "@apollo/client";
import type { ActivityEventFragment } from "../../../gql/graphql";

type MemberShape = { readonly user: Reference };

/** Appends a reference to a list field once, matching by id (or cursor for events). */
function appendOnce(
  list: readonly Reference[] | undefined,
  ref: Reference | undefined,
  same: (a: Reference, b: Reference) => boolean,
): readonly Reference[] | undefined {
  if (!list || !ref) return list;
  return list.some((x) => same(x, ref)) ? list : [...list, ref];
}

/**
 * Writes one production event into the cache: the activity list, and the list memberships that
 * normalisation can't infer (members, episodes, assets). Fields of objects the event carries (a
 * version's status, an asset's latest version) were merged when Apollo stored the result.
 */
export function applyProductionEvent(
  cache: ApolloCache,
  productionId: string,
  event: ActivityEventFragment,
): void {
  const id = cache.identify({ __typename: "Production", id: productionId });
  cache.modify({
    id,
    fields: {
      events(existing: readonly Reference[] | undefined, { toReference, readField }) {
        const ref = toReference({ __typename: "ProductionEvent", id: event.id });
        return appendOnce(existing, ref, (a, b) => readField("cursor", a) === readField("cursor", b));
      },
      stage(existing: string) {
        return event.type === "STAGE_CHANGED" && event.stage ? event.stage : existing;
      },
      members(value, { readField, toReference }) {
        // Members have no id: the list holds inline objects whose `user` is a reference.
        const existing = value as readonly MemberShape[] | undefined;
        if (!existing || !event.member) return value;
        const userId = event.member.user.id;
        const has = existing.some((m) => readField("id", m.user) === userId);
        if (event.type === "MEMBER_ADDED" && !has) {
          const { user, ...member } = event.member;
          return [
            ...existing,
            { ...member, user: toReference({ __typename: "User", id: user.id }) as Reference },
          ] as typeof value;
        }
        if (event.type === "MEMBER_REMOVED" && has) {
          return existing.filter((m) => readField("id", m.user) !== userId) as typeof value;
        }
        return value;
      },
      episodes(existing: readonly Reference[] | undefined, { toReference, readField }) {
        if (event.type !== "EPISODE_ADDED" || !event.episode) return existing;
        const ref = toReference({ __typename: "Episode", id: event.episode.id });
        return appendOnce(existing, ref, (a, b) => readField("id", a) === readField("id", b));
      },
      assets(existing: readonly Reference[] | undefined, { toReference, readField, storeFieldName }) {
        // Only the unfiltered list; `assets(kind: ...)` lists are refetched when opened.
        if (event.type !== "ASSET_CREATED" || !event.asset || storeFieldName !== "assets") return existing;
        const ref = toReference({ __typename: "Asset", id: event.asset.id });
        return appendOnce(existing, ref, (a, b) => readField("id", a) === readField("id", b));
      },
    },
  });
  if (event.type === "VERSION_ADDED" && event.version) {
    const v = event.version;
    cache.modify({
      id: cache.identify({ __typename: "Asset", id: v.asset.id }),
      fields: {
        versions(existing: readonly Reference[] | undefined, { toReference, readField }) {
          const ref = toReference({ __typename: "Version", id: v.id });
          return appendOnce(existing, ref, (a, b) => readField("id", a) === readField("id", b));
        },
      },
    });
  }
}
