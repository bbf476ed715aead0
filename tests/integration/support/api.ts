/** Minimal GraphQL-over-HTTP helpers for integration tests (no dependency on server code). */
export interface User {
  id: string;
  token: string;
  email: string;
}

export async function gql<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data)
    throw new Error(`GraphQL error: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

let n = 0;
export async function signUp(baseUrl: string, name: string): Promise<User> {
  n++;
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${process.pid}.${n}@example.test`;
  const data = await gql<{ signUp: { token: string; user: { id: string } } }>(
    baseUrl,
    `mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }`,
    { i: { name, email, password: "correct horse battery" } },
  );
  return { id: data.signUp.user.id, token: data.signUp.token, email };
}

export interface Setup {
  productionId: string;
  versionId: string;
  showrunner: User;
  members: User[];
}

/** A production with a CUT version and members EDITOR, DIRECTOR, PRODUCER (4 writers with the showrunner). */
export async function setupProduction(baseUrl: string): Promise<Setup> {
  const showrunner = await signUp(baseUrl, "Showrunner");
  const productionId = (
    await gql<{ createProduction: { id: string } }>(
      baseUrl,
      `mutation { createProduction(input: { title: "Integration" }) { id } }`,
      {},
      showrunner.token,
    )
  ).createProduction.id;
  const members: User[] = [];
  for (const role of ["EDITOR", "DIRECTOR", "PRODUCER"]) {
    const u = await signUp(baseUrl, role);
    await gql(
      baseUrl,
      `mutation($p: ID!, $e: String!, $r: Role!) { addMember(productionId: $p, email: $e, role: $r) { role } }`,
      { p: productionId, e: u.email, r: role },
      showrunner.token,
    );
    members.push(u);
  }
  const assetId = (
    await gql<{ createAsset: { id: string } }>(
      baseUrl,
      `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`,
      { i: { productionId, kind: "CUT", title: "Reel 1" } },
      showrunner.token,
    )
  ).createAsset.id;
  const versionId = (
    await gql<{ addVersion: { id: string } }>(
      baseUrl,
      `mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }`,
      { i: { assetId } },
      showrunner.token,
    )
  ).addVersion.id;
  return { productionId, versionId, showrunner, members };
}

export async function addNote(
  baseUrl: string,
  token: string,
  versionId: string,
  body: string,
): Promise<void> {
  await gql(
    baseUrl,
    `mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`,
    { i: { versionId, body, time: { startFrame: 0 } } },
    token,
  );
}

/** Every event of the production after `after`, via Production.events pages (the reference order). */
export async function listEvents(
  baseUrl: string,
  token: string,
  productionId: string,
  after: string | null,
): Promise<string[]> {
  const out: string[] = [];
  let cursor = after;
  for (;;) {
    const page = (
      await gql<{ production: { events: Array<{ cursor: string }> } }>(
        baseUrl,
        `query($p: ID!, $a: String) { production(id: $p) { events(after: $a, first: 500) { cursor } } }`,
        { p: productionId, a: cursor },
        token,
      )
    ).production.events;
    out.push(...page.map((e) => e.cursor));
    if (page.length < 500) return out;
    cursor = page[page.length - 1]?.cursor ?? cursor;
  }
}
