import { Field, ID, ObjectType } from "type-graphql";
import { AssetKind } from "./asset.enums.js";
import type { AssetDoc } from "./asset.model.js";

@ObjectType({ description: "A script, cut or mix, with its numbered versions." })
export class Asset {
  @Field(() => ID, { description: "The asset's id." })
  id!: string;

  @Field(() => AssetKind, { description: "Script, cut or mix." })
  kind!: AssetKind;

  @Field(() => String, { description: "Its title." })
  title!: string;

  @Field(() => Date, { description: "When it was created." })
  createdAt!: Date;

  productionId!: string;
  episodeId!: string | null;
}

export function toAsset(doc: AssetDoc): Asset {
  return Object.assign(new Asset(), {
    id: String(doc._id),
    kind: doc.kind,
    title: doc.title,
    createdAt: doc.createdAt,
    productionId: String(doc.productionId),
    episodeId: doc.episodeId ? String(doc.episodeId) : null,
  });
}
