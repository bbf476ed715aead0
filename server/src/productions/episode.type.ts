import { Field, ID, Int, ObjectType } from "type-graphql";
import type { EpisodeDoc } from "./episode.model.js";

@ObjectType({ description: "An episode of a series; assets may belong to one." })
export class Episode {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => String)
  title!: string;

  productionId!: string;
}

export function toEpisode(doc: EpisodeDoc): Episode {
  return Object.assign(new Episode(), {
    id: String(doc._id),
    number: doc.number,
    title: doc.title,
    productionId: String(doc.productionId),
  });
}
