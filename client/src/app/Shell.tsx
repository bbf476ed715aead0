import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useState } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { MeDocument, SignOutDocument } from "../features/auth/graphql";
import { SignOutEverywhere } from "../features/auth/components/SignOutEverywhere";
import { endSession, setSession } from "../features/auth/session";
import { useOutboxFlush } from "../features/notes/outbox/useOutbox";
import { useKeydown } from "../lib/hotkeys";
import { ConnectionBanner, useConnection } from "./ConnectionBanner";
import { ErrorBoundary } from "./ErrorBoundary";
import { ShortcutsOverlay } from "./ShortcutsOverlay";

export function Shell() {
  const location = useLocation();
  const [help, setHelp] = useState(false);
  const [everywhere, setEverywhere] = useState(false);
  const { data } = useQuery(MeDocument, { fetchPolicy: "cache-first" });
  const [signOut] = useMutation(SignOutDocument);
  const client = useApolloClient();
  const { status, epoch } = useConnection();
  useOutboxFlush(data?.me?.id);

  useKeydown((e) => {
    if (e.key === "?") {
      e.preventDefault();
      setHelp((h) => !h);
    }
  });

  const doSignOut = async () => {
    // Revoke server-side when possible, but leave locally even if the network is down.
    await signOut().catch(() => undefined);
    await client.clearStore().catch(() => undefined);
    setSession(null);
  };

  const signedOutEverywhere = async (ended: number) => {
    await client.clearStore().catch(() => undefined);
    endSession(
      `Signed out everywhere: ${ended} ${ended === 1 ? "session or token" : "sessions and tokens"} ended.`,
    );
  };

  return (
    <div className="app" data-connection={status} data-epoch={epoch}>
      <header className="topbar">
        <Link to="/" className="brand" aria-label="Greenlight home">
          <span className="brand-dot" aria-hidden="true" /> Greenlight
        </Link>
        <nav className="crumbs" aria-label="Breadcrumb" id="crumbs" />
        <span className="spacer" />
        {/* In the top bar, not a row of its own: coming and going, it never moves the page under the pointer. */}
        <ConnectionBanner />
        <span className="spacer" />
        <button
          type="button"
          className="btn ghost sm"
          onClick={() => setHelp(true)}
          aria-label="Keyboard shortcuts"
        >
          <kbd>?</kbd>
        </button>
        {data?.me ? (
          <span className="row small" data-testid="current-user">
            <span className="avatar" style={{ background: "var(--accent)" }} aria-hidden="true">
              {data.me.initials}
            </span>
            {data.me.name}
          </span>
        ) : null}
        <button type="button" className="btn sm" onClick={doSignOut}>
          Sign out
        </button>
        <button
          type="button"
          className="btn ghost sm"
          onClick={() => setEverywhere(true)}
          aria-label="Sign out everywhere"
          title="Sign out on every device"
        >
          Everywhere…
        </button>
      </header>
      <main className="main">
        <ErrorBoundary resetKey={location.pathname}>
          <Outlet />
        </ErrorBoundary>
      </main>
      {help ? <ShortcutsOverlay onClose={() => setHelp(false)} /> : null}
      {everywhere ? (
        <SignOutEverywhere onClose={() => setEverywhere(false)} onDone={signedOutEverywhere} />
      ) : null}
    </div>
  );
}
