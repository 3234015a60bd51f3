import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StorageStatus } from '../../protocol/session.ts';
import { HEALTH_PATH, JOIN_JSON_PATH } from '../../protocol/routes.ts';

/** /healthz's verdict: `degraded` (and 503, for a load balancer or a monitor) while anything is not being saved. */
export function storageHealth(storage: StorageStatus): { status: 'ok' | 'degraded'; problems: string[] } {
  return { status: storage.ok ? 'ok' : 'degraded', problems: storage.problems.map((problem) => problem.message) };
}

export interface ApiRoutesOptions {
  /** Extra JSON for /healthz (session, connections…); `status: 'degraded'` answers 503. */
  health: (req: IncomingMessage) => Record<string, unknown>;
  /** The join address, code and QR code for the projector's join slide. */
  join: (req: IncomingMessage) => Promise<unknown>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

/** /healthz and /join.json, for the production server and the dev server alike. Returns false for other paths. */
export function createApiRoutes(options: ApiRoutesOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (pathname === HEALTH_PATH) {
      const health = options.health(req);
      const degraded = health.status === 'degraded';
      sendJson(res, degraded ? 503 : 200, { ok: !degraded, ...health });
      return true;
    }
    if (pathname === JOIN_JSON_PATH) {
      options.join(req).then(
        (info) => sendJson(res, 200, info),
        (error: Error) => sendJson(res, 500, { ok: false, message: `Could not make the join code: ${error.message}` }),
      );
      return true;
    }
    return false;
  };
}
