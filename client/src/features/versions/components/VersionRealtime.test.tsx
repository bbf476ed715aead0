import { ApolloClient, ApolloLink, type OperationVariables } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { cleanup, render, waitFor } from "@testing-library/react";
import { Observable } from "rxjs";
import { afterEach, describe, expect, it } from "vitest";
import { createCache } from "../../../apollo/cache";
import { cursors, streamKey } from "../../../realtime/cursors";
import { VersionRealtime } from "./VersionRealtime";

/** A client whose link records each operation and never answers (the stream stays open). */
function recordingClient() {
  const seen: { name: string | undefined; variables: OperationVariables }[] = [];
  const link = new ApolloLink((operation) => {
    seen.push({ name: operation.operationName, variables: operation.variables });
    return new Observable(() => undefined);
  });
  return { client: new ApolloClient({ cache: createCache(), link }), seen };
}

const firstVersionEvents = (seen: ReturnType<typeof recordingClient>["seen"]) =>
  seen.find((o) => o.name === "VersionEvents")?.variables;

describe("VersionRealtime: the first subscription", () => {
  afterEach(cleanup);

  it("starts after the room query's lastEventCursor, so nothing between load and subscribe is lost", async () => {
    const { client, seen } = recordingClient();
    render(
      <ApolloProvider client={client}>
        <VersionRealtime versionId="v-first" since="c9" />
      </ApolloProvider>,
    );
    await waitFor(() => expect(firstVersionEvents(seen)).toEqual({ versionId: "v-first", after: "c9" }));
  });

  it("resumes after the last applied event when the stream already has one", async () => {
    cursors.markSeen(streamKey.version("v-resumed"), { cursor: "c20", id: "e20" });
    const { client, seen } = recordingClient();
    render(
      <ApolloProvider client={client}>
        <VersionRealtime versionId="v-resumed" since="c9" />
      </ApolloProvider>,
    );
    await waitFor(() => expect(firstVersionEvents(seen)).toEqual({ versionId: "v-resumed", after: "c20" }));
  });
});
