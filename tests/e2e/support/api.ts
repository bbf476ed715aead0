/** A tiny GraphQL-over-HTTP client for arranging test data through the public API. */
export class Api {
  constructor(
    readonly url: string,
    readonly token: string | null = null,
  ) {}

  as(token: string): Api {
    return new Api(this.url, token);
  }

  async request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(`${this.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
    if (!body.data) throw new Error(`GraphQL: no data (HTTP ${res.status})`);
    return body.data;
  }
}

export interface Person {
  readonly name: string;
  readonly email: string;
  readonly token: string;
  readonly id: string;
}

export async function signUp(api: Api, name: string, email: string): Promise<Person> {
  const d = await api.request<{ signUp: { token: string; user: { id: string } } }>(
    `mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }`,
    { input: { name, email, password: "e2e-password-1" } },
  );
  return { name, email, token: d.signUp.token, id: d.signUp.user.id };
}

export const SCRIPT = `Title: The Long Night
Credit: Written by
Author: Wren Writer

INT. KITCHEN - NIGHT #1#

Rain hammers the window. MARA (40s) stares at a cold cup of tea.

MARA
(quietly)
You came back.

JONAS
I never left.

CUT TO:

EXT. ROOF - CONTINUOUS #2#

Thunder. Jonas climbs out onto the wet tiles.

[[Check the rain with post]]
`;

export interface Room {
  readonly productionId: string;
  readonly scriptVersionId: string;
  readonly cutVersionId: string;
  readonly mixVersionId: string;
  readonly people: Record<"showrunner" | "director" | "editor" | "soundDesigner" | "writer", Person>;
}

/** A production with a crew, one episode, and a script, a cut and a mix each with one version. */
export async function arrangeProduction(api: Api): Promise<Room> {
  const stamp = Date.now().toString(36);
  const mk = (name: string, role: string) => signUp(api, name, `${role}.${stamp}@e2e.greenlight`);
  const people = {
    showrunner: await mk("Sasha Showrunner", "showrunner"),
    director: await mk("Dana Director", "director"),
    editor: await mk("Eli Editor", "editor"),
    soundDesigner: await mk("Sam Sound", "sound"),
    writer: await mk("Wren Writer", "writer"),
  };
  const sr = api.as(people.showrunner.token);
  const { createProduction } = await sr.request<{ createProduction: { id: string } }>(
    `mutation { createProduction(input: { title: "The Long Night", kind: SERIES }) { id } }`,
  );
  const productionId = createProduction.id;
  const roles: [Person, string][] = [
    [people.director, "DIRECTOR"],
    [people.editor, "EDITOR"],
    [people.soundDesigner, "SOUND_DESIGNER"],
    [people.writer, "WRITER"],
  ];
  for (const [p, role] of roles) {
    await sr.request(
      `mutation($p: ID!, $e: String!, $r: Role!) { addMember(productionId: $p, email: $e, role: $r) { role } }`,
      {
        p: productionId,
        e: p.email,
        r: role,
      },
    );
  }
  const { addEpisode } = await sr.request<{ addEpisode: { id: string } }>(
    `mutation($p: ID!) { addEpisode(productionId: $p, number: 1, title: "Pilot") { id } }`,
    { p: productionId },
  );
  const asset = async (kind: string, title: string) =>
    (
      await sr.request<{ createAsset: { id: string } }>(
        `mutation($i: CreateAssetInput!) { createAsset(input: $i) { id } }`,
        { i: { productionId, kind, title, episodeId: addEpisode.id } },
      )
    ).createAsset.id;
  const version = async (input: Record<string, unknown>) =>
    (
      await sr.request<{ addVersion: { id: string } }>(
        `mutation($i: AddVersionInput!) { addVersion(input: $i) { id } }`,
        {
          i: input,
        },
      )
    ).addVersion.id;

  const scriptVersionId = await version({
    assetId: await asset("SCRIPT", "Pilot — shooting script"),
    text: SCRIPT,
    revisionColor: "BLUE",
    revisionLabel: "Blue Revision 11/21/2026",
  });
  const cutVersionId = await version({
    assetId: await asset("CUT", "Pilot — director's cut"),
    mediaUrl: "/media/demo/cut-v1.webm",
    frameRate: "FPS_24",
    startTimecode: "01:00:00:00",
    durationFrames: 1080,
  });
  const mixVersionId = await version({
    assetId: await asset("MIX", "Pilot — temp mix"),
    mediaUrl: "/media/demo/mix-full.ogg",
    frameRate: "FPS_24",
    startTimecode: "01:00:00:00",
    durationFrames: 1080,
    stems: [
      { stem: "FULL_MIX", mediaUrl: "/media/demo/mix-full.ogg" },
      { stem: "DIALOGUE", mediaUrl: "/media/demo/mix-dialogue.ogg" },
      { stem: "MUSIC", mediaUrl: "/media/demo/mix-music.ogg" },
      { stem: "EFFECTS", mediaUrl: "/media/demo/mix-effects.ogg" },
    ],
    loudness: { integratedLkfs: -21.6, truePeakDbtp: -4.7, loudnessRange: 22.7 },
  });
  return { productionId, scriptVersionId, cutVersionId, mixVersionId, people };
}
