import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const SERVER_DIR = `${REPO_ROOT}server`;
export const CLIENT_DIR = `${REPO_ROOT}client`;
export const CLIENT_DIST = `${CLIENT_DIR}/dist`;
export const SCREENSHOTS = `${REPO_ROOT}tests/artifacts/screenshots`;
