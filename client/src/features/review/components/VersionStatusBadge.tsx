import type { VersionStatus } from "../../../gql/graphql";

export const STATUS_LABEL: Record<VersionStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  LOCKED: "Locked",
};

export function VersionStatusBadge({ status }: { status: VersionStatus }) {
  return (
    <span className="badge" data-status={status} data-testid="version-status">
      {STATUS_LABEL[status]}
    </span>
  );
}
