import { lazy, Suspense, type ReactNode, useSyncExternalStore } from "react";
import { createBrowserRouter, Navigate, useLocation } from "react-router";
import { getSession, subscribeSession } from "../features/auth/session";
import { ErrorBoundary } from "./ErrorBoundary";
import { Loading } from "./ErrorState";
import { Shell } from "./Shell";

// Each screen is its own chunk; the initial bundle is the shell, Apollo and sign-in.
const SignInPage = lazy(() =>
  import("../features/auth/components/SignInPage").then((m) => ({ default: m.SignInPage })),
);
const ProductionsPage = lazy(() =>
  import("../features/productions/components/ProductionsPage").then((m) => ({ default: m.ProductionsPage })),
);
const ProductionPage = lazy(() =>
  import("../features/productions/components/ProductionPage").then((m) => ({ default: m.ProductionPage })),
);
const ScriptReviewPage = lazy(() =>
  import("../features/script/components/ScriptReviewPage").then((m) => ({ default: m.ScriptReviewPage })),
);
const CutReviewPage = lazy(() =>
  import("../features/cut/components/CutReviewPage").then((m) => ({ default: m.CutReviewPage })),
);
const MixReviewPage = lazy(() =>
  import("../features/mix/components/MixReviewPage").then((m) => ({ default: m.MixReviewPage })),
);
const ComparePage = lazy(() =>
  import("../features/compare/components/ComparePage").then((m) => ({ default: m.ComparePage })),
);
const VersionLinkPage = lazy(() =>
  import("../features/versions/components/VersionLinkPage").then((m) => ({ default: m.VersionLinkPage })),
);
// GraphiQL is large (editors, parser): only the explorer route ever loads it.
const ExplorerPage = lazy(() =>
  import("../features/explorer/components/ExplorerPage").then((m) => ({ default: m.ExplorerPage })),
);
const AddVersionPage = lazy(() =>
  import("../features/authoring/components/AddVersionPage").then((m) => ({ default: m.AddVersionPage })),
);

function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSession);
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return children;
}

const page = (node: ReactNode) => <Suspense fallback={<Loading />}>{node}</Suspense>;

function NotFoundPage() {
  return (
    <div className="page">
      <div className="card stack">
        <h2>Nothing here</h2>
        <a href="/">Back to productions</a>
      </div>
    </div>
  );
}

export const router = createBrowserRouter([
  {
    path: "/sign-in",
    element: <ErrorBoundary>{page(<SignInPage />)}</ErrorBoundary>,
  },
  // Open without a session: a tool author pastes an API token into its Headers.
  {
    path: "/graphiql",
    element: <ErrorBoundary>{page(<ExplorerPage />)}</ErrorBoundary>,
  },
  {
    path: "/",
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: page(<ProductionsPage />) },
      { path: "productions/:productionId", element: page(<ProductionPage />) },
      {
        path: "productions/:productionId/assets/:assetId/new-version",
        element: page(<AddVersionPage />),
      },
      { path: "script/:versionId", element: page(<ScriptReviewPage />) },
      { path: "cut/:versionId", element: page(<CutReviewPage />) },
      { path: "mix/:versionId", element: page(<MixReviewPage />) },
      { path: "v/:versionId", element: page(<VersionLinkPage />) },
      { path: "compare", element: page(<ComparePage />) },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
