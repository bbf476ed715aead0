import { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import { type BuiltUser, buildUser } from "./factories.js";
import { expectData, type GqlResponse, startTestServer, type TestServer } from "./harness.js";

/**
 * Domain factories: build productions, assets, versions and notes through the real API, so
 * tests exercise the same paths clients do.
 */
export type RoleCounts = Partial<Record<Role, number>>;

export interface BuiltProduction {
  id: string;
  /** The creator (always a SHOWRUNNER). */
  showrunner: BuiltUser;
  members: Record<Role, BuiltUser[]>;
  /** The i-th member holding `role` (the creator is SHOWRUNNER 0). */
  as(role: Role | `${Role}`, i?: number): BuiltUser;
}

export const ALL_ROLES_ONCE: RoleCounts = {
  SHOWRUNNER: 1,
  DIRECTOR: 1,
  EDITOR: 1,
  SOUND_DESIGNER: 1,
  WRITER: 1,
  PRODUCER: 1,
  EXECUTIVE: 1,
  VIEWER: 1,
};

export async function gqlAs<T = Record<string, unknown>>(
  server: TestServer,
  user: BuiltUser | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GqlResponse<T>> {
  return server.gql<T>(query, variables, user ? { token: user.token } : {});
}

export async function buildProduction(
  server: TestServer,
  options: { members?: RoleCounts; title?: string; showrunner?: BuiltUser } = {},
): Promise<BuiltProduction> {
  const showrunner = options.showrunner ?? (await buildUser(server, { name: "Sam Showrunner" }));
  const res = await gqlAs<{ createProduction: { id: string } }>(
    server,
    showrunner,
    `mutation($input: CreateProductionInput!) { createProduction(input: $input) { id } }`,
    { input: { title: options.title ?? "Test Production" } },
  );
  const id = expectData(res).createProduction.id;
  const members = Object.fromEntries(Object.values(Role).map((r) => [r, [] as BuiltUser[]])) as Record<
    Role,
    BuiltUser[]
  >;
  members.SHOWRUNNER.push(showrunner);
  for (const [role, count] of Object.entries(options.members ?? {}) as [Role, number][]) {
    const existing = role === Role.SHOWRUNNER ? 1 : 0;
    for (let i = existing; i < count; i++) {
      const user = await buildUser(server, { name: `${role.toLowerCase()} ${i}` });
      await addMember(server, showrunner, id, user, role);
      members[role].push(user);
    }
  }
  return {
    id,
    showrunner,
    members,
    as(role, i = 0) {
      const user = members[role as Role][i];
      if (!user) throw new Error(`No ${role} #${i} in this production`);
      return user;
    },
  };
}

export async function addMember(
  server: TestServer,
  by: BuiltUser,
  productionId: string,
  user: BuiltUser,
  role: Role,
) {
  return expectData(
    await gqlAs(
      server,
      by,
      `mutation($p: ID!, $e: String!, $r: Role!) { addMember(productionId: $p, email: $e, role: $r) { role } }`,
      { p: productionId, e: user.email, r: role },
    ),
  );
}

export async function buildAsset(
  server: TestServer,
  production: BuiltProduction,
  kind: AssetKind,
  title = `${kind} asset`,
): Promise<string> {
  const res = await gqlAs<{ createAsset: { id: string } }>(
    server,
    production.showrunner,
    `mutation($input: CreateAssetInput!) { createAsset(input: $input) { id } }`,
    { input: { productionId: production.id, kind, title } },
  );
  return expectData(res).createAsset.id;
}

export const SAMPLE_SCRIPT = [
  "INT. EDIT SUITE - NIGHT",
  "",
  "MAYA sits at the console.",
  "",
  "MAYA",
  "Roll it again.",
  "",
].join("\r\n");

export function defaultVersionInput(kind: AssetKind): Record<string, unknown> {
  if (kind === AssetKind.SCRIPT) return { text: SAMPLE_SCRIPT };
  return { mediaUrl: `/media/demo/${kind === AssetKind.CUT ? "cut-v1.webm" : "mix-full.ogg"}` };
}

/** A new version (on a new asset unless `assetId` is given), added by the showrunner. */
export async function buildVersion(
  server: TestServer,
  production: BuiltProduction,
  kind: AssetKind,
  fields: Record<string, unknown> = {},
  assetId?: string,
): Promise<{ assetId: string; versionId: string }> {
  const asset = assetId ?? (await buildAsset(server, production, kind));
  const res = await gqlAs<{ addVersion: { id: string } }>(
    server,
    production.showrunner,
    `mutation($input: AddVersionInput!) { addVersion(input: $input) { id } }`,
    { input: { assetId: asset, ...defaultVersionInput(kind), ...fields } },
  );
  return { assetId: asset, versionId: expectData(res).addVersion.id };
}

export async function buildNote(
  server: TestServer,
  author: BuiltUser,
  versionId: string,
  anchor: Record<string, unknown> = { time: { startFrame: 0 } },
  body = "A note",
): Promise<string> {
  const res = await gqlAs<{ addNote: { id: string } }>(
    server,
    author,
    `mutation($input: AddNoteInput!) { addNote(input: $input) { id } }`,
    { input: { versionId, body, ...anchor } },
  );
  return expectData(res).addNote.id;
}

export async function setVersionStatus(
  server: TestServer,
  production: BuiltProduction,
  versionId: string,
  target: "IN_REVIEW" | "APPROVED" | "LOCKED" | "CHANGES_REQUESTED",
): Promise<void> {
  const run = async (user: BuiltUser, q: string, v: Record<string, unknown>) =>
    expectData(await gqlAs(server, user, q, v));
  await run(production.showrunner, `mutation($v: ID!) { submitForReview(versionId: $v) { status } }`, {
    v: versionId,
  });
  if (target === "IN_REVIEW") return;
  const review = `mutation($v: ID!, $d: ReviewDecision!) { reviewVersion(versionId: $v, decision: $d) { status } }`;
  if (target === "CHANGES_REQUESTED") {
    await run(production.showrunner, review, { v: versionId, d: "REQUEST_CHANGES" });
    return;
  }
  const after = (await run(production.showrunner, review, { v: versionId, d: "APPROVE" })) as {
    reviewVersion: { status: string };
  };
  const director = production.members.DIRECTOR[0];
  // One approval per role is enough; scripts are approved by the showrunner alone.
  if (after.reviewVersion.status === "IN_REVIEW" && director) {
    await run(director, review, { v: versionId, d: "APPROVE" });
  }
  if (target === "LOCKED") {
    await run(production.showrunner, `mutation($v: ID!) { lockVersion(versionId: $v) { status } }`, {
      v: versionId,
    });
  }
}

/** Someone acting in a permission matrix: each role, a signed-in non-member, and nobody. */
export interface Actor {
  label: string;
  user: BuiltUser | null;
  role: Role | null;
}

export function actorsOf(production: BuiltProduction, outsider: BuiltUser): Actor[] {
  return [
    ...Object.values(Role).map((role) => ({ label: role, user: production.as(role), role })),
    { label: "NON_MEMBER", user: outsider, role: null },
    { label: "SIGNED_OUT", user: null, role: null },
  ];
}

/** The contract's answer for an actor: allowed roles succeed (undefined), others get a code. */
export function expectedCode(actor: Actor, allowed: readonly Role[]): string | undefined {
  if (!actor.user) return "UNAUTHENTICATED";
  if (!actor.role) return "NOT_FOUND";
  return allowed.includes(actor.role) ? undefined : "FORBIDDEN";
}

/** What every permission-matrix suite starts from. */
export interface MatrixWorld {
  server: TestServer;
  prod: BuiltProduction;
  outsider: BuiltUser;
  actors: Actor[];
}

/** A server, a production with one member per role, an outsider, and every actor of the matrix. */
export async function buildMatrixWorld(): Promise<MatrixWorld> {
  const server = await startTestServer();
  const prod = await buildProduction(server, { members: ALL_ROLES_ONCE });
  const outsider = await buildUser(server);
  return { server, prod, outsider, actors: actorsOf(prod, outsider) };
}
