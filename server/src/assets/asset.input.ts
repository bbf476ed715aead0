import { Field, ID, InputType } from "type-graphql";
import { AssetKind } from "./asset.enums.js";

@InputType({ description: "A new asset; who may create it depends on its kind (see ProductionPermissions)." })
export class CreateAssetInput {
  @Field(() => ID, { description: "The production (NOT_FOUND if not yours)." }) productionId!: string;
  @Field(() => AssetKind, { description: "Script, cut or mix." }) kind!: AssetKind;
  @Field(() => String, { description: "Its title (not empty)." }) title!: string;
  @Field(() => ID, { nullable: true, description: "An episode of the same production." }) episodeId?:
    | string
    | null;
}
