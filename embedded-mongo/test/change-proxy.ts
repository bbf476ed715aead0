import { createServer, Socket as NetSocket, type Server, type Socket } from "node:net";

/** A TCP proxy whose client sockets can all be cut at once, to fake a network failure. */
export async function tcpProxy(host: string, port: number) {
  const sockets = new Set<Socket>();
  let seen = 0;
  const server: Server = createServer((client) => {
    seen++;
    const up = new NetSocket();
    sockets.add(client).add(up);
    up.connect(port, host);
    client.pipe(up).pipe(client);
    const drop = () => {
      client.destroy();
      up.destroy();
      sockets.delete(client);
      sockets.delete(up);
    };
    client.on("error", drop).on("close", drop);
    up.on("error", drop).on("close", drop);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const addr = server.address();
  return {
    port: typeof addr === "object" && addr ? addr.port : 0,
    get connectionsSeen() {
      return seen;
    },
    cutAll: () => {
      for (const s of sockets) s.destroy();
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
