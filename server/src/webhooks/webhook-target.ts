import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP } from "node:net";
import { badInput } from "../errors/app-errors.js";

/**
 * The SSRF guard. A webhook URL is chosen by a production's managers, and the server POSTs to it
 * from inside the deployment, so a URL naming the metadata service (169.254.169.254), the database
 * or any private host would turn the server into a proxy into the network. Refused: loopback,
 * private (RFC 1918, unique-local), link-local, CGNAT, multicast, reserved and unspecified
 * addresses, IPv4-mapped forms of them, unless WEBHOOK_ALLOWED_PRIVATE_TARGETS lists the range.
 *
 * Checked twice: when the URL is saved (a clear BAD_USER_INPUT) and at every connection, on the
 * address the connection actually uses (`guardedLookup`), so a name that resolves to a public
 * address when saved and a private one later (DNS rebinding) is still refused.
 */
const BLOCKED_V4 = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const;
const BLOCKED_V6 = [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64: reaches IPv4 addresses through a translator
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const;

const blocked = new BlockList();
for (const [net, prefix] of BLOCKED_V4) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of BLOCKED_V6) blocked.addSubnet(net, prefix, "ipv6");

/** Ranges an operator allowed (tests: 127.0.0.1/32), parsed once per list. */
function allowList(cidrs: readonly string[]): BlockList {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net = "", prefix = ""] = cidr.split("/");
    const family = isIP(net) === 6 ? "ipv6" : "ipv4";
    if (isIP(net)) list.addSubnet(net, Number(prefix), family);
  }
  return list;
}

export interface TargetPolicy {
  allowedPrivateTargets: readonly string[];
}

/** The IPv4 address inside an IPv4-mapped IPv6 one (::ffff:10.0.0.1), else the address as given. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m?.[1] ?? address;
}

/** Why this address may not be a webhook target, or null when it may. */
export function addressProblem(address: string, policy: TargetPolicy): string | null {
  const a = unmapped(address);
  const family = isIP(a);
  if (family === 0) return `${address} is not an IP address`;
  const type = family === 6 ? "ipv6" : "ipv4";
  if (/^::ffff:/i.test(a)) return `${address} is an IPv4-mapped address`; // hex-written mapped forms
  if (!blocked.check(a, type)) return null;
  if (allowList(policy.allowedPrivateTargets).check(a, type)) return null;
  return `${address} is a private, loopback or link-local address`;
}

const MAX_URL = 2_048;

/**
 * Parses and checks a webhook URL as saved: http(s), no credentials, no fragment, and when the
 * host is an IP literal, an allowed one. Host names are checked when resolved (guardedLookup).
 */
export function validateWebhookUrl(input: string, policy: TargetPolicy): URL {
  const refuse = (why: string) => badInput(`The webhook URL ${why}.`, { url: why });
  if (input.length > MAX_URL) throw refuse(`is longer than ${MAX_URL} characters`);
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw refuse("is not a valid absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw refuse("must use https (or http)");
  if (url.username || url.password) throw refuse("must not carry a user name or password");
  if (url.hash) throw refuse("must not have a #fragment");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const problem = addressProblem(host, policy);
    if (problem) throw refuse(`points at ${problem}`);
  } else if (host === "localhost" || host.endsWith(".localhost")) {
    // Resolved locally to loopback without DNS; refuse early unless loopback is allowed.
    const problem = addressProblem("127.0.0.1", policy);
    if (problem) throw refuse(`points at ${problem}`);
  }
  return url;
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http.request that resolves as Node does and refuses the connection when any
 * address the name resolves to is not allowed (all, not just the first: the socket may try them all).
 */
export function guardedLookup(policy: TargetPolicy) {
  return (hostname: string, options: { family?: number; all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { family: options.family ?? 0, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const a of addresses) {
        const problem = addressProblem(a.address, policy);
        if (problem) {
          const refused = Object.assign(
            new Error(`webhook target refused: ${hostname} resolves to ${problem}`),
            {
              code: "EWEBHOOKTARGET",
            },
          );
          return callback(refused, []);
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first)
        return callback(Object.assign(new Error(`${hostname} did not resolve`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    });
  };
}
