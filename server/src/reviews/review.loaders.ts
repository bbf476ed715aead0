import { leanByIdLoader, leanGroupLoader } from "../core/lean-loaders.js";
import { MAX_REVIEWS_PER_VERSION, ReviewModel, type ReviewDoc } from "./review.model.js";

/** Per-request loaders of the reviews domain; registered in app/loaders.ts. */
export function reviewLoaders() {
  return {
    reviewById: leanByIdLoader<ReviewDoc>(ReviewModel),
    reviewsByVersionId: leanGroupLoader<ReviewDoc>(ReviewModel, "versionId", MAX_REVIEWS_PER_VERSION),
  };
}

declare module "../core/context.js" {
  interface Loaders extends ReturnType<typeof reviewLoaders> {}
}
