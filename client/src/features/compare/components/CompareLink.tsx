import { Link } from "react-router";
import { compareLink, compareWith } from "../lib/compareLink";

interface Props {
  version: { id: string; number: number; asset: { versions: readonly { id: string; number: number }[] } };
}

/** "Compare" in a room's header: this version against the one before it (or after, for v1). */
export function CompareLink({ version }: Props) {
  const other = compareWith(version, version.asset.versions);
  if (!other) return null;
  const otherNumber = version.asset.versions.find((v) => v.id === other)?.number ?? 0;
  const [a, b] = otherNumber < version.number ? [other, version.id] : [version.id, other];
  return (
    <Link className="btn ghost sm" to={compareLink({ a, b })} data-testid="compare-link">
      Compare
    </Link>
  );
}
