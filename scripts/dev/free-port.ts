// A port nobody listens on right now, for a child process that cannot report the port it picked itself.
import { createServer } from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePromise(address.port) : reject(new Error("no port"))));
    });
  });
}
