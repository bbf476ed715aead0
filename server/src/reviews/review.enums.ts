import { registerEnumType } from "type-graphql";

export enum ReviewDecision {
  APPROVE = "APPROVE",
  REQUEST_CHANGES = "REQUEST_CHANGES",
}

registerEnumType(ReviewDecision, { name: "ReviewDecision" });
