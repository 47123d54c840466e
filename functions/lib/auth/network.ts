// The network address a sign-in is counted against. One IPv6 subscriber gets a whole /64 and may rotate
// addresses inside it at will, so IPv6 is keyed on its first 64 bits; an IPv4-mapped IPv6 address
// (::ffff:192.0.2.1, as dual-stack servers report IPv4 clients) is the IPv4 address it carries.
import { isIPv4, isIPv6 } from "node:net";

/** The 8 groups of an IPv6 address as numbers, `::` expanded and an embedded dotted IPv4 tail converted. */
function ipv6Groups(address: string): number[] {
  let text = address;
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const [a, b, c, d] = tail[1]!.split(".").map(Number) as [number, number, number, number];
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, rest] = text.split("::") as [string, string | undefined];
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const left = parse(head);
  const right = rest === undefined ? [] : parse(rest);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * `192.0.2.1` → `192.0.2.1`; `::ffff:192.0.2.1` → `192.0.2.1`; `2001:DB8:0:1:a::1` → `2001:db8:0:1::/64`.
 * Anything else (the dev server's "unknown", a malformed header) is kept as it came, lowercased: it still
 * gets a key of its own, just not a merged one.
 */
export function addressKey(ip: string): string {
  const address = ip.trim().replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "");
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return ip.trim().toLowerCase();
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  return `${groups.slice(0, 4).map((group) => group.toString(16)).join(":")}::/64`;
}
