import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';

type Interfaces = ReturnType<typeof networkInterfaces>;

/**
 * The interface of the default route in Linux's /proc/net/route (destination 00000000,
 * lowest metric): the one the venue's network is on. A Docker or VPN bridge has an address
 * too, but no phone in the room can reach it.
 */
export function defaultRouteInterface(routeTable: string): string | undefined {
  let best: { name: string; metric: number } | undefined;
  for (const line of routeTable.split('\n').slice(1)) {
    const [name, destination, , , , , metric] = line.trim().split(/\s+/);
    if (!name || destination !== '00000000') continue;
    const value = Number(metric ?? 0);
    if (!best || value < best.metric) best = { name, metric: value };
  }
  return best?.name;
}

function readRouteTable(): string {
  try {
    return readFileSync('/proc/net/route', 'utf8');
  } catch {
    // Not Linux (macOS, Windows): the interfaces' own order stands.
    return '';
  }
}

/**
 * The addresses phones on the venue network can reach this laptop at, the default route's
 * first (that one goes on the join slide and in the QR code), then every other one.
 */
export function lanAddresses(host: string, interfaces: Interfaces = networkInterfaces(), routeTable = readRouteTable()): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const preferred = defaultRouteInterface(routeTable);
  const named = Object.entries(interfaces).flatMap(([name, entries]) =>
    (entries ?? []).filter((entry) => entry.family === 'IPv4' && !entry.internal).map((entry) => ({ name, address: entry.address })),
  );
  const ordered = [...named.filter((entry) => entry.name === preferred), ...named.filter((entry) => entry.name !== preferred)];
  return ordered.length > 0 ? ordered.map((entry) => entry.address) : ['127.0.0.1'];
}

export function baseUrl(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
}
