import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { errorCode, startTestServer, type TestServer } from "../test/harness.js";

// Make one resolver fail the way a bug would: an unexpected error with internals in its message.
vi.mock("../users/sign-in-user.command.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../users/sign-in-user.command.js")>();
  return {
    ...original,
    signInUserCommand: async () => {
      throw new TypeError("connection string mongodb://admin:secret@db leaked");
    },
  };
});

let t: TestServer;
let stderr: string[] = [];
const write = process.stderr.write.bind(process.stderr);
beforeAll(async () => {
  t = await startTestServer({ env: { LOG_LEVEL: "error" } });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  process.stderr.write = write;
  await t?.close();
});

describe("error masking", () => {
  it("masks unexpected errors as INTERNAL_SERVER_ERROR with the request id, and logs the original with it", async () => {
    stderr = [];
    const res = await t.gql('mutation { signIn(email: "a@b.cd", password: "whatever1") { token } }');
    const error = res.body.errors?.[0];
    expect(errorCode(res)).toBe("INTERNAL_SERVER_ERROR");
    expect(error?.message).toBe("Internal server error");
    expect(JSON.stringify(res.body)).not.toContain("secret");
    expect(JSON.stringify(res.body)).not.toContain("stacktrace");
    const requestId = error?.extensions?.requestId as string;
    expect(requestId).toBe(res.headers.get("x-request-id"));
    const logged = stderr.join("");
    expect(logged).toContain(requestId);
    expect(logged).toContain("leaked");
  });

  it("keeps app errors as they are", async () => {
    const res = await t.gql("{ apiTokens { id } }");
    expect(errorCode(res)).toBe("UNAUTHENTICATED");
    expect(res.body.errors?.[0]?.message).toBe("You must be signed in to do this.");
  });
});
