import { Field, ID, InputType } from "type-graphql";
import { AssetKind } from "./asset.enums.js";

@InputType()
export class CreateAssetInput {
  @Field(() => ID) productionId!: string;
  @Field(() => AssetKind) kind!: AssetKind;
  @Field(() => String) title!: string;
  @Field(() => ID, { nullable: true, description: "An episode of the same production." }) episodeId?:
    | string
    | null;
}
