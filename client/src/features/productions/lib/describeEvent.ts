import type { ActivityEventFragment } from "../../../gql/graphql";
import { ROLE_LABEL } from "../../notes/lib/mentions";
import { STATUS_LABEL } from "../../review/components/VersionStatusBadge";
import { KIND_PATH } from "../../versions/components/ReviewRoomLayout";
import { STAGE_LABEL } from "../components/StagePipeline";

export interface EventLine {
  readonly text: string;
  readonly to?: string;
}

/**
 * One feed line for an event, from what the event recorded (its from/to status, its approval count),
 * never from the version's state now: an audit trail that reads the current status rewrites history.
 */
export function describeEvent(e: ActivityEventFragment): EventLine {
  switch (e.type) {
    case "MEMBER_ADDED":
      return {
        text: `added ${e.member?.user.name ?? "someone"} as ${e.member ? ROLE_LABEL[e.member.role] : "member"}`,
      };
    case "MEMBER_REMOVED":
      return { text: `removed ${e.member?.user.name ?? "a member"}` };
    case "STAGE_CHANGED":
      return { text: `moved the production to ${e.stage ? STAGE_LABEL[e.stage] : "a new stage"}` };
    case "EPISODE_ADDED":
      return { text: `added episode ${e.episode?.number ?? ""} “${e.episode?.title ?? ""}”` };
    case "ASSET_CREATED":
      return { text: `created ${e.asset?.kind.toLowerCase() ?? "asset"} “${e.asset?.title ?? ""}”` };
    case "VERSION_ADDED":
    case "REVIEW_REQUESTED":
    case "REVIEW_DECIDED":
    case "VERSION_STATUS_CHANGED":
    case "EDIT_ATTACHED":
      return versionLine(e);
    case "NOTE_ADDED":
    case "NOTE_UPDATED":
    case "NOTE_STATUS_CHANGED":
    case "NOTE_DELETED":
    case "REPLY_ADDED":
      return noteLine(e);
    case "VERSION_SUPERSEDED":
      // The feed leaves these out beside the VERSION_ADDED they come with (they tell the older room).
      return { text: "superseded a version" };
    case "NOTE_CARRY_CONFIRMED": {
      // The version is the one it was carried to and confirmed on (the note's own is older).
      const v = e.version;
      return {
        text: `confirmed a carried note still applies${v ? ` on ${v.asset.title} v${v.number}` : ""}`,
        to: v ? `/${KIND_PATH[v.asset.kind]}/${v.id}` : undefined,
      };
    }
    case "NOTE_CARRIED":
      // The feed leaves these out (one per carried note would bury the VERSION_ADDED beside them).
      return { text: "carried a note to a new version" };
  }
}

function versionLine(e: ActivityEventFragment): EventLine {
  const v = e.version;
  const what = v ? `${v.asset.title} v${v.number}` : "a version";
  const to = v ? `/${KIND_PATH[v.asset.kind]}/${v.id}` : undefined;
  switch (e.type) {
    case "VERSION_ADDED":
      return { text: `uploaded ${what}`, to };
    case "EDIT_ATTACHED":
      return { text: `attached the edit of ${what}`, to };
    case "REVIEW_REQUESTED":
      return { text: `submitted ${what} for review`, to };
    case "REVIEW_DECIDED": {
      if (e.review?.decision !== "APPROVE") return { text: `requested changes on ${what}`, to };
      const count =
        e.approvals != null && e.approvalsRequired ? ` (${e.approvals} of ${e.approvalsRequired})` : "";
      return { text: `approved ${what}${count}`, to };
    }
    default: {
      if (e.toStatus === "LOCKED") return { text: `locked ${what}`, to };
      // Events from before statuses were recorded say only that it changed, never a guess.
      if (!e.toStatus) return { text: `changed the status of ${what}`, to };
      const from = e.fromStatus ? `${STATUS_LABEL[e.fromStatus]} → ` : "";
      return { text: `moved ${what}: ${from}${STATUS_LABEL[e.toStatus]}`, to };
    }
  }
}

function noteLine(e: ActivityEventFragment): EventLine {
  const v = e.note?.version;
  const where = v ? ` on ${v.asset.title} v${v.number}` : "";
  const to = v ? `/${KIND_PATH[v.asset.kind]}/${v.id}` : undefined;
  const verbs: Record<string, string> = {
    NOTE_ADDED: "noted",
    NOTE_UPDATED: "edited a note",
    NOTE_STATUS_CHANGED: "updated a note",
    NOTE_DELETED: "deleted a note",
    REPLY_ADDED: "replied",
  };
  const body = e.type === "REPLY_ADDED" ? e.reply?.body : e.type === "NOTE_ADDED" ? e.note?.body : undefined;
  return {
    text: `${verbs[e.type] ?? "changed a note"}${where}${body ? `: “${body.slice(0, 80)}”` : ""}`,
    to,
  };
}
