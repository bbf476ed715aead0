import { useMutation } from "@apollo/client/react";
import { useState } from "react";
import type { ProductionStage } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { SetStageDocument } from "../graphql/operations";

export const STAGES: readonly ProductionStage[] = [
  "DEVELOPMENT",
  "SCRIPT",
  "CASTING",
  "PRE_PRODUCTION",
  "FILMING",
  "POST_PRODUCTION",
  "FINAL_CUT",
  "RELEASED",
];

export const STAGE_LABEL: Record<ProductionStage, string> = {
  DEVELOPMENT: "Development",
  SCRIPT: "Script",
  CASTING: "Casting",
  PRE_PRODUCTION: "Pre-production",
  FILMING: "Filming",
  POST_PRODUCTION: "Post-production",
  FINAL_CUT: "Final cut",
  RELEASED: "Released",
};

/** The production's stage as a pipeline; those allowed (`viewerCan.setStage`) move it by clicking. */
export function StagePipeline({
  productionId,
  stage,
  canSet,
}: {
  productionId: string;
  stage: ProductionStage;
  canSet: boolean;
}) {
  const [setStage] = useMutation(SetStageDocument);
  const [error, setError] = useState<string | null>(null);
  const current = STAGES.indexOf(stage);
  const choose = (s: ProductionStage) => {
    setError(null);
    setStage({
      variables: { productionId, stage: s },
      optimisticResponse: {
        __typename: "Mutation",
        setProductionStage: { __typename: "Production", id: productionId, stage: s },
      },
    }).catch((e: unknown) => setError(describeError(e).message));
  };
  return (
    <nav aria-label="Production stage" className="pipeline-wrap">
      <ol className="pipeline" data-testid="stage-pipeline">
        {STAGES.map((s, i) => (
          <li key={s} data-state={i < current ? "done" : i === current ? "current" : "next"}>
            {canSet ? (
              <button
                type="button"
                onClick={() => choose(s)}
                aria-current={i === current ? "step" : undefined}
                disabled={i === current}
              >
                {STAGE_LABEL[s]}
              </button>
            ) : (
              <span aria-current={i === current ? "step" : undefined}>{STAGE_LABEL[s]}</span>
            )}
          </li>
        ))}
      </ol>
      {error ? <p className="alert small">{error}</p> : null}
    </nav>
  );
}
