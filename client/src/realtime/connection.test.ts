import { describe, expect, it } from "vitest";
import { ConnectionStore } from "./connection";

describe("ConnectionStore", () => {
  it("shows offline as soon as the browser goes offline, though the socket still looks open", () => {
    const c = new ConnectionStore();
    c.connecting();
    c.connected();
    c.network(false);
    expect(c.getSnapshot()).toEqual({ status: "offline", epoch: 1, network: false });
    // Back online with the socket still up: connected again, no new epoch (nothing was resubscribed).
    c.network(true);
    expect(c.getSnapshot()).toEqual({ status: "connected", epoch: 1, network: true });
  });

  it("stays offline while the network is down, whatever the socket does, then reports reconnecting", () => {
    const c = new ConnectionStore();
    c.connected();
    c.network(false);
    c.closed();
    c.connecting();
    expect(c.getSnapshot().status).toBe("offline");
    c.network(true);
    expect(c.getSnapshot().status).toBe("reconnecting");
    c.connected();
    expect(c.getSnapshot()).toEqual({ status: "connected", epoch: 2, network: true });
  });

  it("tells a dropped socket from a dead network", () => {
    const c = new ConnectionStore();
    c.connected();
    c.closed();
    expect(c.getSnapshot()).toEqual({ status: "offline", epoch: 1, network: true });
    c.network(false);
    expect(c.getSnapshot()).toEqual({ status: "offline", epoch: 1, network: false });
  });
});
