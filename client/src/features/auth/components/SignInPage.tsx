import { useMutation } from "@apollo/client/react";
import { type FormEvent, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { describeError } from "../../../lib/errors";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../demoAccounts";
import { SignInDocument, SignUpDocument } from "../graphql";
import { getSession, setSession, takeSessionNotice } from "../session";

type Mode = "sign-in" | "sign-up";

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [notice] = useState(takeSessionNotice);
  const [mode, setMode] = useState<Mode>("sign-in");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [signIn, signInState] = useMutation(SignInDocument);
  const [signUp, signUpState] = useMutation(SignUpDocument);
  const busy = signInState.loading || signUpState.loading;
  const next = params.get("next") ?? "/";

  if (getSession()) return <Navigate to={next} replace />;

  async function run(action: () => Promise<string | undefined>) {
    setError(null);
    try {
      // The session itself arrived as an httpOnly cookie; only who signed in is kept here.
      const userId = await action();
      if (userId) {
        setSession(userId);
        navigate(next, { replace: true });
      }
    } catch (e) {
      const p = describeError(e);
      setError(p.kind === "unauthenticated" ? "Wrong email or password." : p.message);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () =>
      mode === "sign-in"
        ? (await signIn({ variables: { email, password } })).data?.signIn.user.id
        : (await signUp({ variables: { input: { name, email, password } } })).data?.signUp.user.id,
    );
  };

  const demo = (demoEmail: string) =>
    void run(
      async () =>
        (await signIn({ variables: { email: demoEmail, password: DEMO_PASSWORD } })).data?.signIn.user.id,
    );

  return (
    <main className="auth">
      <section className="card stack auth-card" aria-labelledby="auth-title">
        <div className="brand">
          <span className="brand-dot" aria-hidden="true" /> Greenlight
        </div>
        <h1 id="auth-title">{mode === "sign-in" ? "Sign in" : "Create your account"}</h1>
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        <form className="stack" onSubmit={submit}>
          {mode === "sign-up" ? (
            <label className="field">
              Name
              <input
                className="input"
                value={name}
                onChange={(e) => setName(e.target.value)}
                required
                autoComplete="name"
              />
            </label>
          ) : null}
          <label className="field">
            Email
            <input
              className="input"
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              autoComplete="email"
            />
          </label>
          <label className="field">
            Password
            <input
              className="input"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              minLength={8}
              autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
            />
          </label>
          {error ? (
            <p className="alert" role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="btn primary" disabled={busy}>
            {mode === "sign-in" ? "Sign in" : "Sign up"}
          </button>
        </form>
        <button
          type="button"
          className="btn ghost"
          onClick={() => {
            setMode(mode === "sign-in" ? "sign-up" : "sign-in");
            setError(null);
          }}
        >
          {mode === "sign-in" ? "New here? Create an account" : "Have an account? Sign in"}
        </button>
      </section>
      <section className="card stack auth-card" aria-labelledby="demo-title">
        <h2 id="demo-title">Demo accounts</h2>
        <p className="muted small">One click signs you in as a member of the demo production.</p>
        <ul className="demo-list">
          {DEMO_ACCOUNTS.map((a) => (
            <li key={a.email}>
              <button type="button" className="btn demo-btn" disabled={busy} onClick={() => demo(a.email)}>
                <span>
                  {a.label} <span className="muted small">· {a.name}</span>
                </span>
                <span className="muted small mono">{a.email}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
