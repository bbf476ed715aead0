import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/harness.js";
import { resolveMediaFile } from "./media.js";

// Issue 13, findings 12 and 14: /media followed links out of MEDIA_DIR (one served /etc/passwd),
// served .html and .svg as active content on the app's origin, and no response had nosniff or a CSP.
const dir = mkdtempSync(join(tmpdir(), "greenlight-web-"));
const clientDist = join(dir, "dist");
const mediaDir = join(dir, "media");
const outside = join(dir, "outside");
mkdirSync(clientDist, { recursive: true });
mkdirSync(join(mediaDir, "sub"), { recursive: true });
mkdirSync(outside, { recursive: true });
writeFileSync(join(clientDist, "index.html"), "<!doctype html><title>Greenlight</title>");
writeFileSync(join(mediaDir, "clip.webm"), Buffer.alloc(64, 1));
writeFileSync(join(mediaDir, "page.html"), "<script>alert(document.cookie)</script>");
writeFileSync(
  join(mediaDir, "image.svg"),
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
);
writeFileSync(join(outside, "secret.webm"), "not yours");
symlinkSync("/etc/passwd", join(mediaDir, "passwd.webm"));
symlinkSync(join(outside, "secret.webm"), join(mediaDir, "sub", "secret.webm"));
symlinkSync(outside, join(mediaDir, "escape"));
symlinkSync(join(mediaDir, "clip.webm"), join(mediaDir, "alias.webm")); // inside: fine

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({
    env: { CLIENT_DIST: clientDist, MEDIA_DIR: mediaDir, MEDIA_HOSTS: "cdn.example.com" },
  });
});
afterAll(async () => {
  await t?.close();
});

describe("/media containment", () => {
  it.each(["passwd.webm", "sub/secret.webm", "escape/secret.webm", "page.html", "image.svg"])(
    "refuses %s with 404",
    async (name) => {
      const res = await fetch(`${t.url}/media/${name}`);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toMatch(/root:|not yours|<script/);
    },
  );

  it("serves media (links inside MEDIA_DIR too) inert: nosniff and a sandbox CSP", async () => {
    for (const name of ["clip.webm", "alias.webm"]) {
      const res = await fetch(`${t.url}/media/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("video/webm");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("content-security-policy")).toMatch(/^sandbox; default-src 'none'/);
    }
  });

  it("resolves real paths (unit)", async () => {
    expect(await resolveMediaFile(mediaDir, "passwd.webm")).toBeNull();
    expect(await resolveMediaFile(mediaDir, "clip.webm")).toMatch(/clip\.webm$/);
    expect(await resolveMediaFile(mediaDir, "CLIP.HTML")).toBeNull();
  });
});

describe("browser hardening headers", () => {
  it("sends the app a CSP (scripts self, media self + MEDIA_HOSTS, no framing) with nosniff and Referrer-Policy", async () => {
    const res = await fetch(`${t.url}/some/client/route`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("media-src 'self' blob: https://cdn.example.com");
    expect(csp).toContain("connect-src 'self' https://cdn.example.com");
    expect(csp).not.toMatch(/script-src[^;]*(unsafe-inline|blob:|data:)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("sends nosniff on GraphQL, health and 404 responses too", async () => {
    const gql = await t.gql("{ health { ok } }");
    expect(gql.headers.get("x-content-type-options")).toBe("nosniff");
    for (const path of ["/healthz", "/media/none.webm"]) {
      const res = await fetch(`${t.url}${path}`);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});
