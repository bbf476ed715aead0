import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import type { MemberRowFragment, Role } from "../../../gql/graphql";
import { describeError } from "../../../lib/errors";
import { ROLE_LABEL } from "../../notes/lib/mentions";
import { personColor } from "../../presence/components/PresenceAvatars";
import { AddMemberDocument, ProductionPageDocument } from "../graphql/operations";

const ROLES = Object.keys(ROLE_LABEL) as Role[];

export function MembersCard({
  productionId,
  members,
  canInvite,
}: {
  productionId: string;
  members: readonly MemberRowFragment[];
  canInvite: boolean;
}) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("EDITOR");
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [addMember, { loading }] = useMutation(AddMemberDocument, {
    refetchQueries: [{ query: ProductionPageDocument, variables: { id: productionId } }],
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setAdded(null);
    try {
      const r = await addMember({ variables: { productionId, email: email.trim(), role } });
      setAdded(`${r.data?.addMember.user.name ?? email} joined as ${ROLE_LABEL[role]}.`);
      setEmail("");
    } catch (err) {
      const p = describeError(err);
      setError(p.kind === "not-found" ? "No Greenlight account uses that email yet." : p.message);
    }
  };
  const sorted = [...members].sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
  return (
    <section className="card" aria-labelledby="members-title">
      <h2 id="members-title">Team</h2>
      <ul className="member-list" data-testid="members">
        {sorted.map((m) => (
          <li key={m.user.id} className="row">
            <span className="avatar" style={{ background: personColor(m.user.id) }} aria-hidden="true">
              {m.user.initials}
            </span>
            <div className="stack" style={{ gap: 0 }}>
              <strong>{m.user.name}</strong>
              <span className="small muted">{m.user.email}</span>
            </div>
            <span className="spacer" />
            <span className="badge plain">{ROLE_LABEL[m.role]}</span>
          </li>
        ))}
      </ul>
      {canInvite ? (
        <form className="stack invite" onSubmit={submit} aria-label="Invite a member">
          <h3 className="small muted">Invite by email</h3>
          <div className="row">
            <input
              className="input"
              type="email"
              placeholder="name@studio.com"
              aria-label="Email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
            />
            <select
              className="select"
              aria-label="Role"
              value={role}
              onChange={(e) => setRole(e.target.value as Role)}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABEL[r]}
                </option>
              ))}
            </select>
            <button type="submit" className="btn primary" disabled={loading}>
              Invite
            </button>
          </div>
          {error ? <p className="alert small">{error}</p> : null}
          {added ? <p className="notice small">{added}</p> : null}
        </form>
      ) : null}
    </section>
  );
}
