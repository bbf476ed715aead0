import type { mongo } from "mongoose";
import { Counter, Gauge, Histogram } from "prom-client";
import { currentHub } from "../realtime/hub.js";
import type { FeedEvent, RealtimeObserver } from "../realtime/ports.js";
import { registry } from "./metrics.js";

/**
 * Realtime and store metrics (docs/operations.md). The hub reports through `realtimeMetrics`
 * (its RealtimeObserver); counts that already live in the hub are read at scrape time instead of
 * being kept twice.
 */

const LAG_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const STORE_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

new Gauge({
  name: "greenlight_subscriptions",
  help: "GraphQL subscriptions live in this process (events and presence, all productions).",
  registers: [registry],
  collect() {
    this.set(currentHub()?.subscriptionCount ?? 0);
  },
});
new Gauge({
  name: "greenlight_realtime_channels",
  help: "Productions with at least one subscriber in this process.",
  registers: [registry],
  collect() {
    this.set(currentHub()?.channelCount ?? 0);
  },
});
new Gauge({
  name: "greenlight_change_feed_open",
  help: "1 while this process's change stream is open, else 0 (readiness).",
  registers: [registry],
  collect() {
    this.set(currentHub()?.feed.isOpen ? 1 : 0);
  },
});
const deliveries = new Counter({
  name: "greenlight_deliveries_total",
  help: "Live event frames written to subscribers (one per subscriber per event).",
  registers: [registry],
});
const deliveryLag = new Histogram({
  name: "greenlight_delivery_lag_seconds",
  help: "Commit to send: from an event's commit to its frames being written, once per event sent.",
  buckets: LAG_SECONDS,
  registers: [registry],
});
const feedLag = new Histogram({
  name: "greenlight_change_stream_lag_seconds",
  help: "Commit to arrival: from an event's commit to this process's change stream handing it on.",
  buckets: LAG_SECONDS,
  registers: [registry],
});
const feedOpens = new Counter({
  name: "greenlight_change_stream_opens_total",
  help: "Change stream (re)established; `resumed` is true for every reopen after the first.",
  labelNames: ["resumed"],
  registers: [registry],
});
const storeDuration = new Histogram({
  name: "greenlight_store_command_duration_seconds",
  help: "Database commands as the driver saw them, by command name and outcome.",
  labelNames: ["command", "outcome"],
  buckets: STORE_SECONDS,
  registers: [registry],
});

/** Seconds since the event committed; clocks of other processes can be a little ahead: not negative. */
function sinceCommit(e: FeedEvent): number {
  return Math.max(0, (Date.now() - e.at.getTime()) / 1_000);
}

export const realtimeMetrics: RealtimeObserver = {
  arrived(e) {
    feedLag.observe(sinceCommit(e));
  },
  delivered(e, frames) {
    if (frames === 0) return;
    deliveries.inc(frames);
    deliveryLag.observe(sinceCommit(e));
  },
  feedOpened(resumed) {
    feedOpens.inc({ resumed: String(resumed) });
  },
};

/**
 * The driver's command monitoring (connect with `monitorCommands: true`) as store latency. Command
 * names come from the driver's own set (find, insert, aggregate, getMore, commitTransaction…),
 * so the label stays bounded.
 */
export function observeStoreCommands(client: mongo.MongoClient): void {
  client.on("commandSucceeded", (e) =>
    storeDuration.observe({ command: e.commandName, outcome: "ok" }, e.duration / 1_000),
  );
  client.on("commandFailed", (e) =>
    storeDuration.observe({ command: e.commandName, outcome: "error" }, e.duration / 1_000),
  );
}
