import { describe, expect, it } from "vitest";
import { databaseNameOf } from "./database.js";

describe("databaseNameOf", () => {
  it("reads the database from the URI path, if there is one", () => {
    expect(databaseNameOf("mongodb://127.0.0.1:27017/greenlight")).toBe("greenlight");
    expect(databaseNameOf("mongodb://a:1,b:2/prod?replicaSet=rs0")).toBe("prod");
    expect(databaseNameOf("mongodb+srv://user:pw@cluster.example.net/app?retryWrites=true")).toBe("app");
    expect(databaseNameOf("mongodb://127.0.0.1:27017/?replicaSet=rs0")).toBeNull();
    expect(databaseNameOf("mongodb://127.0.0.1:27017")).toBeNull();
  });
});
