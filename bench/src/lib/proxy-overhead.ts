import { MongoClient } from "mongodb";
import type { Store } from "./stack.js";
import type { StoreProxy } from "./store-proxy.js";
import { round, summarize } from "./stats.js";

/**
 * What the counting proxy adds to one store round trip: `ping` p50 direct vs through a proxy.
 * Greenlight's latency figures include this hop on the store → server path; the anchor's do not.
 */
export async function measureProxyOverhead(
  store: Store,
  proxy: StoreProxy,
): Promise<{ directMs: number; proxiedMs: number }> {
  const run = async (uri: string) => {
    const client = await MongoClient.connect(uri, { maxPoolSize: 1 });
    try {
      const admin = client.db("admin");
      for (let i = 0; i < 20; i++) await admin.command({ ping: 1 });
      const times: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t = performance.now();
        await admin.command({ ping: 1 });
        times.push(performance.now() - t);
      }
      return summarize(times).p50;
    } finally {
      await client.close();
    }
  };
  const directMs = await run(store.uri);
  const proxiedMs = await run(`mongodb://127.0.0.1:${proxy.port}/?directConnection=true`);
  return { directMs: round(directMs, 3), proxiedMs: round(proxiedMs, 3) };
}
