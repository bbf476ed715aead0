import { Field, ID, Int, ObjectType } from "type-graphql";
import type { EpisodeDoc } from "./episode.model.js";

@ObjectType({ description: "An episode of a series; assets may belong to one." })
export class Episode {
  @Field(() => ID, { description: "The episode's id." })
  id!: string;

  @Field(() => Int, { description: "Its number in the series (1, 2, ...), unique in the production." })
  number!: number;

  @Field(() => String, { description: "Its title." })
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
