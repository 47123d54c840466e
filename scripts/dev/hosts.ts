// Which Host and Origin the local servers answer. A web page can make its own domain resolve to 127.0.0.1
// (DNS rebinding) and then read /_dev/outbox's sign-in codes or write content/ through decap-server as a
// "same-origin" page; its requests still carry its own name in Host, so only loopback names, plus the ones
// the developer lists in PARLONS_DEV_HOSTS (to try the site on a phone over the LAN), are answered.

/** Names every browser resolves to this machine (`*.localhost` too, RFC 6761). */
const loopbackNames = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * PARLONS_DEV_HOSTS: comma-separated host names or addresses (`192.168.1.20,mon-pc.local,fe80::1`), normalised
 * as Host headers are read (lower case, IPv6 in brackets); a port written after one is dropped: ports are not checked.
 */
export function devHosts(value = process.env["PARLONS_DEV_HOSTS"] ?? ""): string[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .flatMap((entry) => hostName(entry) ?? hostName(`[${entry}]`) ?? []);
}

/** The name part of a Host header (`name`, `name:port`, `[v6]:port`); undefined for anything else. */
function hostName(host: string): string | undefined {
  return /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::\d{1,5})?$/i.exec(host)?.[1]?.toLowerCase();
}

export function isAllowedHost(host: string | undefined, extraHosts: string[]): boolean {
  const name = hostName(host ?? "");
  return name !== undefined && (loopbackNames.has(name) || name.endsWith(".localhost") || extraHosts.includes(name));
}

/** No Origin (curl, Node, same-origin GETs) or an http(s) origin on an allowed host, any port. */
export function isAllowedOrigin(origin: string | undefined, extraHosts: string[]): boolean {
  if (origin === undefined) return true;
  try {
    const url = new URL(origin);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === origin && isAllowedHost(url.host, extraHosts);
  } catch {
    return false;
  }
}
