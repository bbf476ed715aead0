import { describe, expect, it } from "vitest";
import { SingleFlight } from "./single-flight.js";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("SingleFlight", () => {
  it("shares one in-flight call per key and forgets it once settled", async () => {
    const flight = new SingleFlight<string>();
    const d = deferred<string>();
    let calls = 0;
    const call = () => {
      calls++;
      return d.promise;
    };
    const a = flight.run("k", call);
    const b = flight.run("k", call);
    expect(calls).toBe(1);
    d.resolve("editor");
    expect(await a).toBe("editor");
    expect(await b).toBe("editor");
    expect(flight.size).toBe(0);
    // After settling, the next ask reads again (no caching of answers).
    await flight.run("k", async () => {
      calls++;
      return "viewer";
    });
    expect(calls).toBe(2);
  });

  it("keeps keys apart and forgets failures", async () => {
    const flight = new SingleFlight<string>();
    const d = deferred<string>();
    const failing = flight.run("a", () => d.promise);
    const other = flight.run("b", async () => "b");
    d.reject(new Error("store down"));
    await expect(failing).rejects.toThrow("store down");
    expect(await other).toBe("b");
    expect(flight.size).toBe(0);
    expect(await flight.run("a", async () => "retried")).toBe("retried");
  });
});
