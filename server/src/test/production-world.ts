import { afterAll, beforeAll } from "vitest";
import { type BuiltProduction, buildProduction, type RoleCounts } from "./domain-factories.js";
import { type StartTestServerOptions, startTestServer, type TestServer } from "./harness.js";

/** A test file's server and one production; both exist from the file's `beforeAll` on. */
export interface ProductionWorld {
  readonly server: TestServer;
  readonly prod: BuiltProduction;
}

/**
 * Most API test files start a server, build one production with some members, and close the server
 * at the end. Called at the top of a file, this registers those hooks and returns the world they fill.
 */
export function useProductionWorld(
  members: RoleCounts,
  options: StartTestServerOptions = {},
): ProductionWorld {
  let server: TestServer | undefined;
  let prod: BuiltProduction | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
    prod = await buildProduction(server, { members });
  }, 120_000); // a first server in a worker also starts the embedded store: slow on a busy machine
  afterAll(async () => server?.close());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("useProductionWorld: read before the file's beforeAll ran");
    return value;
  };
  return {
    get server() {
      return ready(server);
    },
    get prod() {
      return ready(prod);
    },
  };
}
