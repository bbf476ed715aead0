import { FieldResolver, Resolver, Root } from "type-graphql";
import { mediaUrlFor } from "../auth/media-url.js";
import { runtime } from "../core/runtime.js";
import { StemTrack, Version } from "./version.type.js";

const SIGNED =
  "Paths on this server's /media/ come signed and expire after MEDIA_URL_TTL; query the version again for a fresh link.";

/** A stored media URL as this answer gives it: /media/ paths signed for the version's production. */
function answerUrl(url: string, productionId: string): string {
  const { mediaUrlSecret, mediaUrlTtlSeconds } = runtime().config;
  return mediaUrlFor(url, productionId, mediaUrlSecret, mediaUrlTtlSeconds);
}

/**
 * Signs media links when they are read (issue 13, finding 12): whoever was allowed to read the
 * parent version gets a working link; the stored URL stays unsigned, so links never outlive MEDIA_URL_TTL.
 */
@Resolver(() => Version)
export class VersionMediaResolver {
  @FieldResolver(() => String, { nullable: true, description: `Where the cut or mix plays. ${SIGNED}` })
  mediaUrl(@Root() v: Version): string | null {
    return v.mediaUrl === null ? null : answerUrl(v.mediaUrl, v.productionId);
  }
}

@Resolver(() => StemTrack)
export class StemTrackMediaResolver {
  @FieldResolver(() => String, { description: `Where this stem plays. ${SIGNED}` })
  mediaUrl(@Root() s: StemTrack): string {
    return answerUrl(s.mediaUrl, s.productionId);
  }
}
