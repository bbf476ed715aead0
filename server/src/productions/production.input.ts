import { Field, InputType } from "type-graphql";
import { ProductionKind } from "./production.enums.js";

@InputType()
export class CreateProductionInput {
  @Field(() => String) title!: string;
  @Field(() => ProductionKind, { nullable: true, description: "Default SERIES." })
  kind?: ProductionKind | null;
}
