import { describe, expect, it } from "vitest";
import { mediaUrlShape } from "./media-url.js";

describe("mediaUrlShape", () => {
  it.each([
    ["/media/cut-v1.webm", { kind: "path" }],
    ["/media/sub/dir/a%20b.mp4", { kind: "path" }],
    ["https://CDN.example.com/a.mp4", { kind: "https", host: "cdn.example.com" }],
    ["https://cdn.example.com:8443/a.mp4", { kind: "https", host: "cdn.example.com:8443" }],
  ])("accepts %s", (url, shape) => {
    expect(mediaUrlShape(url)).toEqual(shape);
  });

  it.each([
    "http://cdn.example.com/a.mp4",
    "https://user:pw@cdn.example.com/a.mp4",
    "https://user@cdn.example.com/a.mp4",
    "javascript:alert(1)",
    "data:video/mp4;base64,AAAA",
    "ftp://cdn.example.com/a.mp4",
    "/media/../etc/passwd",
    "/elsewhere/a.mp4",
    "media/a.mp4",
    `https://cdn.example.com/${"a".repeat(2048)}`,
    "",
  ])("refuses %s", (url) => {
    expect(mediaUrlShape(url)).toBeNull();
  });
});
