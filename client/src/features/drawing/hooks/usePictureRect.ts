import { useEffect, useState } from "react";

export interface PictureRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Where the picture is drawn inside a `<video>` with object-fit: contain, in pixels of its parent:
 * drawings sit on the picture, not on the letterbox bars around it.
 */
export function usePictureRect(video: HTMLVideoElement | null): PictureRect | null {
  const [rect, setRect] = useState<PictureRect | null>(null);
  useEffect(() => {
    if (!video) return;
    const measure = () => {
      const boxW = video.clientWidth;
      const boxH = video.clientHeight;
      const vw = video.videoWidth;
      const vh = video.videoHeight;
      if (!boxW || !boxH || !vw || !vh) return setRect(null);
      const scale = Math.min(boxW / vw, boxH / vh);
      const width = vw * scale;
      const height = vh * scale;
      setRect({
        left: video.offsetLeft + (boxW - width) / 2,
        top: video.offsetTop + (boxH - height) / 2,
        width,
        height,
      });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(video);
    video.addEventListener("loadedmetadata", measure);
    video.addEventListener("resize", measure);
    return () => {
      ro.disconnect();
      video.removeEventListener("loadedmetadata", measure);
      video.removeEventListener("resize", measure);
    };
  }, [video]);
  return rect;
}
