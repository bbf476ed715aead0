import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FrameRate } from "../../../lib/timecode";
import { useTimecode } from "./useTimecode";

describe("useTimecode", () => {
  it("labels frames from the version's start timecode", () => {
    const { result } = renderHook(() => useTimecode(36, FrameRate.FPS_24, "01:00:00:00"));
    expect(result.current.label).toBe("01:00:01:12");
    expect(result.current.dropFrame).toBe(false);
  });

  it("uses drop-frame labels at 29.97 DF (the label after 00:00:59;29 is 00:01:00;02)", () => {
    const { result, rerender } = renderHook(({ f }) => useTimecode(f, FrameRate.FPS_29_97_DF, null), {
      initialProps: { f: 1799 },
    });
    expect(result.current.label).toBe("00:00:59;29");
    rerender({ f: 1800 });
    expect(result.current.label).toBe("00:01:00;02");
    expect(result.current.dropFrame).toBe(true);
    expect(result.current.rateLabel).toBe("29.97 DF");
  });

  it("shows a placeholder rather than a wrong label when there is no frame", () => {
    const { result } = renderHook(() => useTimecode(null, FrameRate.FPS_25));
    expect(result.current.label).toBe("--:--:--:--");
  });
});
