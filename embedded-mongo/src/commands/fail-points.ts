import { setTimeout as sleep } from "node:timers/promises";
import type { Document } from "bson";
import type { CommandContext, Handler } from "./context.js";
import {
  codeNameOf,
  errorLabelsFor,
  isResumableChangeStreamCode,
  isStateChangeCode,
} from "./error-labels.js";
import { CommandError } from "./errors.js";
import { topologyVersion } from "./handshake.js";

/**
 * mongod's test-only fail points, as drivers' spec tests use them: `failCommand`,
 * `onPrimaryTransactionalWrite` and `failGetMoreAfterCursorCheckout`. They exist only when the
 * server is started with `enableTestCommands` (mongod: `--setParameter enableTestCommands=1`);
 * otherwise `configureFailPoint` is an unknown command, so nothing in production can arm one.
 */

const KNOWN = new Set(["failCommand", "onPrimaryTransactionalWrite", "failGetMoreAfterCursorCheckout"]);

interface Armed {
  data: Document;
  /** Activations left; undefined = unlimited. */
  times: number | undefined;
  /** Matching evaluations to let pass before the first activation. */
  skip: number;
  probability: number | undefined;
}

export class FailPoints {
  private readonly armed = new Map<string, Armed>();
  private readonly entered = new Map<string, number>();
  /** Commands (by their body) whose reply was lost before a write it announced could apply. */
  private readonly notApplied = new WeakSet<Document>();

  /** Arms or disarms `name`; answers how often it fired since it was last configured. */
  configure(name: string, mode: unknown, data: Document): number {
    const count = this.entered.get(name) ?? 0;
    this.entered.set(name, 0);
    if (mode === "off") {
      this.armed.delete(name);
      return count;
    }
    const fp: Armed = { data, times: undefined, skip: 0, probability: undefined };
    if (mode === "alwaysOn") {
      // armed as is
    } else if (mode && typeof mode === "object" && !Array.isArray(mode)) {
      const m = mode as Document;
      const n = (k: string) => Number(m[k]);
      if ("times" in m && Number.isInteger(n("times")) && n("times") >= 0) fp.times = n("times");
      else if ("skip" in m && Number.isInteger(n("skip")) && n("skip") >= 0) fp.skip = n("skip");
      else if (
        "activationProbability" in m &&
        n("activationProbability") >= 0 &&
        n("activationProbability") <= 1
      )
        fp.probability = n("activationProbability");
      else
        throw new CommandError(
          "BadValue",
          "'mode' must be one of 'off', 'alwaysOn', 'times', 'skip' or 'activationProbability'",
        );
    } else {
      throw new CommandError("TypeMismatch", "'mode' must be a string or an object");
    }
    if (fp.times === 0) this.armed.delete(name);
    else this.armed.set(name, fp);
    return count;
  }

  /** One evaluation of `name`: its data when it fires now (counting the activation), else undefined. */
  take(name: string, applies: (data: Document) => boolean = () => true): Document | undefined {
    const fp = this.armed.get(name);
    if (!fp || !applies(fp.data)) return undefined;
    if (fp.skip > 0) {
      fp.skip--;
      return undefined;
    }
    if (fp.probability !== undefined && Math.random() >= fp.probability) return undefined;
    if (fp.times !== undefined && --fp.times <= 0) this.armed.delete(name);
    this.entered.set(name, (this.entered.get(name) ?? 0) + 1);
    return fp.data;
  }

  markNotApplied(cmd: Document): void {
    this.notApplied.add(cmd);
  }

  /** Whether a reply may be kept for retries (false when a fail point stopped its write). */
  applied(cmd: Document): boolean {
    return !this.notApplied.has(cmd);
  }
}

export const configureFailPoint: Handler = (ctx) => {
  const fps = ctx.server.failPoints;
  if (!fps) throw new CommandError("CommandNotFound", "no such command: 'configureFailPoint'");
  if (ctx.db !== "admin")
    throw new CommandError("Unauthorized", "configureFailPoint may only be run against the admin database.");
  const name = ctx.cmd.configureFailPoint;
  if (typeof name !== "string" || !KNOWN.has(name))
    throw new CommandError("FailPointSetFailed", `${String(name)} not found`);
  const data = ctx.cmd.data ?? {};
  if (typeof data !== "object" || Array.isArray(data))
    throw new CommandError("TypeMismatch", "the 'data' option must be an object");
  return { count: fps.configure(name, ctx.cmd.mode, data as Document), ok: 1 };
};

function failCommandApplies(ctx: CommandContext, data: Document): boolean {
  if (ctx.name === "configureFailPoint") return false;
  if (data.appName !== undefined && data.appName !== ctx.conn.appName) return false;
  const names = Array.isArray(data.failCommands) ? (data.failCommands as unknown[]) : [];
  return names.includes(ctx.name);
}

/**
 * Labels (the fail point's own `errorLabels` replace mongod's) and, for a state-change code, the
 * server's `topologyVersion`: drivers ignore a state-change error whose topologyVersion is not
 * newer than the server's, as after a fail point, instead of marking the server Unknown.
 */
function errorExtras(ctx: CommandContext, data: Document, code?: number, wcCode?: number): Document {
  const labels = Array.isArray(data.errorLabels)
    ? (data.errorLabels as string[])
    : errorLabelsFor(ctx.cmd, ctx.name, code, wcCode);
  return {
    ...(labels.length ? { errorLabels: labels } : {}),
    ...(isStateChangeCode(code) || isStateChangeCode(wcCode)
      ? { topologyVersion: topologyVersion(ctx.server) }
      : {}),
  };
}

/**
 * `failCommand` around one command, as mongod evaluates it before the command runs: close the
 * connection, block, or fail with a code; afterwards a `writeConcernError` replaces the reply's.
 * Runs before session handling, so a failed statement leaves its transaction as it was.
 */
export async function withFailCommand(ctx: CommandContext, run: () => Promise<Document>): Promise<Document> {
  const fps = ctx.server.failPoints;
  if (!fps) return run();
  const data = fps.take(
    "failCommand",
    (d) =>
      failCommandApplies(ctx, d) &&
      (d.closeConnection === true ||
        d.errorCode !== undefined ||
        (d.blockConnection === true && Number(d.blockTimeMS) > 0)),
  );
  if (data?.closeConnection === true) {
    ctx.conn.close();
    throw new CommandError(
      { code: 50985, codeName: "Location50985" },
      "Failing command due to 'failCommand' failpoint",
    );
  }
  if (data?.blockConnection === true) await sleep(Number(data.blockTimeMS));
  if (data?.errorCode !== undefined) {
    const code = Number(data.errorCode);
    throw new CommandError(
      { code, codeName: codeNameOf(code) },
      "Failing command via 'failCommand' failpoint",
      errorExtras(ctx, data, code),
    );
  }
  const reply = await run();
  if (reply.ok !== 1) return reply;
  const wce = fps.take("failCommand", (d) => failCommandApplies(ctx, d) && d.writeConcernError !== undefined);
  if (!wce) return reply;
  const writeConcernError = wce.writeConcernError as Document;
  // A copy: the reply may be the one recorded for retries, which must not keep the injected error.
  return { ...reply, writeConcernError, ...errorExtras(ctx, wce, undefined, Number(writeConcernError.code)) };
}

/**
 * `onPrimaryTransactionalWrite`, before each statement of a retryable write: the connection is
 * closed (unless `closeConnection: false`) and, with `failBeforeCommitExceptionCode`, the
 * statement fails without applying, so the driver's retry must apply it.
 */
export function beforeRetryableStatement(ctx: CommandContext): void {
  const fps = ctx.server.failPoints;
  if (!fps || ctx.cmd.txnNumber === undefined || ctx.cmd.autocommit !== undefined) return;
  const data = fps.take("onPrimaryTransactionalWrite");
  if (!data) return;
  if (data.closeConnection !== false) ctx.conn.close();
  if (data.failBeforeCommitExceptionCode === undefined) return;
  fps.markNotApplied(ctx.cmd);
  const code = Number(data.failBeforeCommitExceptionCode);
  throw new CommandError(
    { code, codeName: codeNameOf(code) },
    `Failing write for txnNumber ${String(ctx.cmd.txnNumber)} due to failpoint. The write must not be reflected.`,
  );
}

/** `failGetMoreAfterCursorCheckout`: a getMore fails once its cursor is found; a change stream's resumably. */
export function afterCursorCheckout(ctx: CommandContext, changeStream: boolean): void {
  const data = ctx.server.failPoints?.take("failGetMoreAfterCursorCheckout");
  if (!data) return;
  if (data.closeConnection === true) ctx.conn.close();
  const code = Number(data.errorCode ?? 1);
  const extra = {
    ...(changeStream && isResumableChangeStreamCode(code)
      ? { errorLabels: ["ResumableChangeStreamError"] }
      : {}),
    ...(isStateChangeCode(code) ? { topologyVersion: topologyVersion(ctx.server) } : {}),
  };
  throw new CommandError(
    { code, codeName: codeNameOf(code) },
    "Failing getMore via 'failGetMoreAfterCursorCheckout' failpoint",
    extra,
  );
}
