import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkExpiry, mediaUrlFor, signMediaPath } from "../auth/media-url.js";
import { AssetKind } from "../assets/asset.enums.js";
import { type BuiltProduction, buildProduction, buildVersion, gqlAs } from "../test/domain-factories.js";
import { buildUser, type BuiltUser } from "../test/factories.js";
import { expectData, startTestServer, type TestServer } from "../test/harness.js";

// Issue 13, finding 12: /media had no access control; anyone who knew (or guessed) a path got the
// file. Now only a signed, expiring link for that very path opens it, and the API signs a version's
// link only for someone who may read the version and only inside its production's folder.
const mediaDir = mkdtempSync(join(tmpdir(), "greenlight-media-access-"));
const A_BYTES = Buffer.alloc(64, 0xa);
const B_BYTES = Buffer.alloc(64, 0xb);

let t: TestServer;
let a: BuiltProduction;
let b: BuiltProduction;
let outsider: BuiltUser;
const urls = { own: "", borrowed: "" };

const VERSION = "query($id: ID!) { version(id: $id) { mediaUrl stems { stem mediaUrl } } }";
type VersionAnswer = { version: { mediaUrl: string | null; stems: { mediaUrl: string }[] } | null };

async function mediaUrlOf(who: BuiltUser, id: string): Promise<VersionAnswer["version"]> {
  return expectData(await gqlAs<VersionAnswer>(t, who, VERSION, { id })).version;
}
const get = (path: string) => fetch(`${t.url}${path}`);
const secret = () => t.config.mediaUrlSecret;

beforeAll(async () => {
  t = await startTestServer({ env: { MEDIA_DIR: mediaDir } });
  [a, b] = await Promise.all([
    buildProduction(t, { members: { VIEWER: 1 }, title: "A" }),
    buildProduction(t, { title: "B" }),
  ]);
  outsider = await buildUser(t, { name: "Olga Outsider" });
  for (const [p, bytes] of [
    [a, A_BYTES],
    [b, B_BYTES],
  ] as const) {
    mkdirSync(join(mediaDir, p.id), { recursive: true });
    writeFileSync(join(mediaDir, p.id, "clip.webm"), bytes);
  }
  const own = `/media/${a.id}/clip.webm`;
  const stems = [{ stem: "DIALOGUE", mediaUrl: own }];
  urls.own = (await buildVersion(t, a, AssetKind.MIX, { mediaUrl: own, stems })).versionId;
  // A's showrunner names B's file in a version of A: it must not become a working link.
  urls.borrowed = (
    await buildVersion(t, a, AssetKind.CUT, { mediaUrl: `/media/${b.id}/clip.webm` })
  ).versionId;
}, 120_000);
afterAll(async () => t?.close());

describe("/media access control", () => {
  it("a member (VIEWER) gets a signed link that plays, with Range, and so do stems", async () => {
    const v = await mediaUrlOf(a.as("VIEWER"), urls.own);
    expect(v?.mediaUrl).toMatch(new RegExp(`^/media/${a.id}/clip\\.webm\\?exp=\\d+&sig=[\\w-]+$`));
    const res = await get(v?.mediaUrl ?? "");
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(A_BYTES);
    const part = await fetch(`${t.url}${v?.mediaUrl}`, { headers: { range: "bytes=0-9" } });
    expect(part.status).toBe(206);
    expect((await get(v?.stems[0]?.mediaUrl ?? "")).status).toBe(200);
  });

  it("a non-member gets no link at all", async () => {
    const res = await gqlAs<VersionAnswer>(t, outsider, VERSION, { id: urls.own });
    expect(res.body.data?.version ?? null).toBeNull();
  });

  it("refuses a request without a signature, before looking at the disk (403)", async () => {
    for (const path of [`/media/${a.id}/clip.webm`, `/media/${a.id}/none.webm`, "/media/demo/cut-v1.webm"]) {
      const res = await get(path);
      expect(res.status).toBe(403);
      expect(await res.text()).toMatch(/missing/);
    }
    expect((await get(`/media/${a.id}/clip.webm?exp=9999999999`)).status).toBe(403);
  });

  it("refuses an expired link (403)", async () => {
    const past = Math.floor(Date.now() / 1000) - 1;
    const res = await get(signMediaPath(`/media/${a.id}/clip.webm`, secret(), past));
    expect(res.status).toBe(403);
    expect(await res.text()).toMatch(/expired/);
  });

  it("refuses forged signatures: altered, another key, a pushed-back expiry (403)", async () => {
    const link = (await mediaUrlOf(a.as("VIEWER"), urls.own))?.mediaUrl ?? "";
    const sig = new URL(link, t.url).searchParams.get("sig") ?? "";
    const flipped = `${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    const exp = Number(new URL(link, t.url).searchParams.get("exp"));
    const otherKey = new TextEncoder().encode("x".repeat(32));
    for (const path of [
      link.replace(sig, flipped),
      signMediaPath(`/media/${a.id}/clip.webm`, otherKey, exp),
      link.replace(`exp=${exp}`, `exp=${exp + 86_400}`),
      `${link.split("&sig=")[0]}&sig=`,
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(403);
    }
  });

  it("a link opens only its own path: not another file, not another production's", async () => {
    const link = (await mediaUrlOf(a.as("VIEWER"), urls.own))?.mediaUrl ?? "";
    const query = link.slice(link.indexOf("?"));
    for (const path of [`/media/${b.id}/clip.webm`, `/media/${a.id}/other.webm`, "/media/demo/cut-v1.webm"]) {
      const res = await get(`${path}${query}`);
      expect(res.status, path).toBe(403);
      expect(Buffer.from(await res.arrayBuffer())).not.toEqual(B_BYTES);
    }
  });

  it("a version naming another production's folder answers it unsigned, and it does not open", async () => {
    const v = await mediaUrlOf(a.showrunner, urls.borrowed);
    expect(v?.mediaUrl).toBe(`/media/${b.id}/clip.webm`);
    expect((await get(v?.mediaUrl ?? "")).status).toBe(403);
    expect(mediaUrlFor(`/media/${b.id}/x.webm`, a.id, secret(), 60)).toBe(`/media/${b.id}/x.webm`);
    expect(mediaUrlFor("https://cdn.example.com/x.webm", a.id, secret(), 60)).toBe(
      "https://cdn.example.com/x.webm",
    );
  });

  it("traversal out of the signed path or folder is refused", async () => {
    const link = (await mediaUrlOf(a.as("VIEWER"), urls.own))?.mediaUrl ?? "";
    const query = link.slice(link.indexOf("?"));
    for (const path of [
      `/media/${a.id}/%2e%2e/${b.id}/clip.webm`,
      `/media/${a.id}/..%2f${b.id}%2fclip.webm`,
      `/media/${a.id}/clip.webm/..`,
    ]) {
      const res = await get(`${path}${query}`);
      expect(res.status, path).toBe(403);
    }
    // Even a correctly signed traversal path stays inside MEDIA_DIR (realpath check): 404.
    const exp = linkExpiry(Date.now() / 1000, 3_600);
    expect((await get(signMediaPath("/media/%2e%2e/%2e%2e/etc/passwd.webm", secret(), exp))).status).toBe(
      404,
    );
  });
});
