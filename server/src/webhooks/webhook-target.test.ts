import { describe, expect, it } from "vitest";
import { addressProblem, guardedLookup, validateWebhookUrl } from "./webhook-target.js";
import { sendDelivery } from "./webhook-send.js";

const none = { allowedPrivateTargets: [] };

describe("webhook SSRF guard", () => {
  it("refuses loopback, private, link-local, CGNAT, multicast and mapped addresses; allows public ones", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.0.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "64:ff9b::a00:1",
    ])
      expect(addressProblem(a, none), a).not.toBeNull();
    for (const a of ["93.184.215.14", "1.1.1.1", "2606:4700:4700::1111"])
      expect(addressProblem(a, none), a).toBeNull();
  });

  it("an allow-list opens exactly its ranges", () => {
    const tests = { allowedPrivateTargets: ["127.0.0.1/32", "10.0.0.0/8"] };
    expect(addressProblem("127.0.0.1", tests)).toBeNull();
    expect(addressProblem("10.9.9.9", tests)).toBeNull();
    expect(addressProblem("127.0.0.2", tests)).not.toBeNull();
    expect(addressProblem("192.168.1.1", tests)).not.toBeNull();
  });

  it("checks URLs as saved: scheme, credentials, IP literals, localhost", () => {
    expect(validateWebhookUrl("https://hooks.example.com/x?y=1", none).host).toBe("hooks.example.com");
    for (const u of [
      "http://localhost:9/",
      "http://app.localhost/",
      "http://[::1]/",
      "file:///etc/passwd",
      "https://a:b@example.com/",
      "https://example.com/#x",
    ])
      expect(() => validateWebhookUrl(u, none), u).toThrow(/webhook URL/);
  });

  it("refuses at connection time a name that resolves to a refused address (DNS rebinding)", async () => {
    const err = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup(none)("localhost", { all: true }, (e) => resolve(e)),
    );
    expect(err?.code).toBe("EWEBHOOKTARGET");
    expect(err?.message).toMatch(/resolves to .*loopback/);
  });

  it("a delivery to a refused target fails without a request", async () => {
    const r = await sendDelivery("http://127.0.0.1:1/", {}, "{}", {
      policy: none,
      timeoutMs: 1_000,
      userAgent: "t",
    });
    expect(r).toMatchObject({ ok: false, statusCode: null });
    expect(r.error).toMatch(/private, loopback or link-local/);
  });
});
