import { Field, InputType } from "type-graphql";
import { ProductionKind } from "./production.enums.js";

@InputType({
  description: "A new production; the caller becomes its SHOWRUNNER and it starts in DEVELOPMENT.",
})
export class CreateProductionInput {
  @Field(() => String, { description: "Its title (not empty)." }) title!: string;
  @Field(() => ProductionKind, { nullable: true, description: "Default SERIES." })
  kind?: ProductionKind | null;
}
