import { describe, expect, it } from 'vitest';
import type { NetworkInterfaceInfo } from 'node:os';
import { parsePublicUrl } from '../../server/cli/public-url.ts';
import { defaultRouteInterface, lanAddresses } from '../../server/net/lan-addresses.ts';
import { joinInfo } from '../../server/http/join-info.ts';

/** /proc/net/route on a laptop with Docker and a VPN up: the venue Wi-Fi (wlan0) holds the default route. */
const ROUTES = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
tun0\t0000080A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
eth0\t00000000\t0100000A\t0003\t0\t0\t100\t00000000\t0\t0\t0
wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0
`;

const ipv4 = (address: string, internal = false): NetworkInterfaceInfo =>
  ({ address, family: 'IPv4', internal, netmask: '255.255.255.0', mac: '00:00:00:00:00:00', cidr: `${address}/24` }) as NetworkInterfaceInfo;

const INTERFACES = {
  lo: [ipv4('127.0.0.1', true)],
  docker0: [ipv4('172.17.0.1')],
  tun0: [ipv4('10.8.0.2')],
  wlan0: [ipv4('192.168.1.23')],
};

describe('the address phones are given', () => {
  it('is on the default route (lowest metric), not a Docker or VPN bridge', () => {
    expect(defaultRouteInterface(ROUTES)).toBe('eth0');
    expect(defaultRouteInterface(ROUTES.replace(/^eth0.*\n/m, ''))).toBe('wlan0');
    expect(defaultRouteInterface('')).toBeUndefined();
    const withoutEth0 = ROUTES.replace(/^eth0.*\n/m, '');
    // Every address is listed (the terminal shows them all); the default route's comes first.
    expect(lanAddresses('0.0.0.0', INTERFACES, withoutEth0)).toEqual(['192.168.1.23', '172.17.0.1', '10.8.0.2']);
    // No route table (not Linux): the interfaces' order.
    expect(lanAddresses('0.0.0.0', INTERFACES, '')).toEqual(['172.17.0.1', '10.8.0.2', '192.168.1.23']);
    expect(lanAddresses('0.0.0.0', { lo: [ipv4('127.0.0.1', true)] }, '')).toEqual(['127.0.0.1']);
    expect(lanAddresses('10.1.2.3', INTERFACES, ROUTES)).toEqual(['10.1.2.3']);
  });

  it('--url takes an origin (a reverse proxy, a venue DNS name) and says what to fix otherwise', () => {
    expect(parsePublicUrl('https://quiz.example.org/')).toBe('https://quiz.example.org');
    expect(parsePublicUrl('http://talk.local:8080')).toBe('http://talk.local:8080');
    expect(() => parsePublicUrl('quiz.example.org')).toThrow('--url "quiz.example.org" is not an address — give the one phones open, like https://quiz.example.org');
    expect(() => parsePublicUrl('ftp://quiz.example.org')).toThrow('must start with http:// or https://');
    expect(() => parsePublicUrl('https://example.org/quiz')).toThrow('must be an address without a path (handsup serves from the root), like https://example.org');
  });

  it('the QR code has a quiet zone of 4 modules on every side', async () => {
    const { qrSvg, url } = await joinInfo('https://quiz.example.org', 'ABCDEF');
    expect(url).toBe('https://quiz.example.org/j/ABCDEF');
    const size = Number(/viewBox="0 0 (\d+) \1"/.exec(qrSvg)![1]);
    // The dark modules: rows of "M x y" then "h n" (dark run) and "m n 0" (light gap).
    const dark = /<path stroke="#000000" d="([^"]+)"/.exec(qrSvg)![1]!;
    let x = 0;
    let y = 0;
    const xs: number[] = [];
    const ys: number[] = [];
    for (const [, command, a, b] of dark.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
      if (command === 'M') [x, y] = [Number(a), Number(b)];
      else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
      else {
        xs.push(x, x + Number(a));
        ys.push(y);
        x += Number(a);
      }
    }
    expect(Math.min(...xs)).toBe(4);
    expect(size - Math.max(...xs)).toBe(4);
    expect(Math.min(...ys) - 0.5).toBe(4);
    expect(size - (Math.max(...ys) + 0.5)).toBe(4);
  });
});
