import { afterAll, beforeAll } from "vitest";
import { type Setup, setupProduction } from "./api.js";
import { type Cluster, startCluster } from "./processes.js";
import type { ResumingSubscriber } from "./subscriber.js";

export interface ClusterSuite {
  cluster: Cluster;
  /** A production set up through the first server. */
  setup: Setup;
  wsUrls: string[];
  /** Subscribers the tests start; stopped after the file. */
  subs: ResumingSubscriber[];
}

/**
 * `n` server processes on one store and a production, for the whole test file. The fields are
 * filled in `beforeAll`: read them inside tests, not at import.
 */
export function clusterSuite(n: number): ClusterSuite {
  const suite = { subs: [] as ResumingSubscriber[] } as ClusterSuite;
  beforeAll(async () => {
    suite.cluster = await startCluster(n);
    suite.wsUrls = suite.cluster.wsUrls;
    suite.setup = await setupProduction(suite.cluster.urls[0] as string);
  });
  afterAll(async () => {
    for (const s of suite.subs) s.stop();
    await suite.cluster?.stop();
  });
  return suite;
}
