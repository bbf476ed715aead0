import { describe, expect, it } from "vitest";
import { compareLink, compareWith, readCompareTarget } from "./compareLink";

describe("compare links", () => {
  it("round-trips both versions, the view and the position", () => {
    const href = compareLink({ a: "a1", b: "b2", view: "wipe", t: "01:00:01:06" });
    expect(readCompareTarget(href.slice(href.indexOf("?")))).toEqual({
      a: "a1",
      b: "b2",
      view: "wipe",
      t: "01:00:01:06",
    });
    expect(readCompareTarget("?a=x")).toBeNull();
  });
  it("compares with the previous version, or the next for the first", () => {
    const vs = [
      { id: "v2", number: 2 },
      { id: "v1", number: 1 },
      { id: "v3", number: 3 },
    ];
    expect(compareWith({ id: "v3", number: 3 }, vs)).toBe("v2");
    expect(compareWith({ id: "v1", number: 1 }, vs)).toBe("v2");
    expect(compareWith({ id: "v1", number: 1 }, [{ id: "v1", number: 1 }])).toBeNull();
  });
});
