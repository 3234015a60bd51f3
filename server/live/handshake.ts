import type { Failure } from '../../protocol/errors.ts';
import { handshakeSchema } from '../../protocol/events.ts';
import type { SessionEngine } from '../engine/session-engine.ts';
import { presenterHandshakeRefusal } from '../auth/presenter-gate.ts';
import { normaliseJoinCode } from '../store/join-code.ts';
import type { LiveServer } from './broadcast.ts';
import type { ClientLimits } from './client-limits.ts';
import type { FaultLog } from './fault-log.ts';
import { validate } from './validate.ts';

export interface HandshakeOptions {
  engine(): SessionEngine;
  presenterKey: string;
  limits: ClientLimits;
  faults: FaultLog;
}

/** How long a phone over its limits waits for its refusal. */
export const REFUSAL_PAUSE_MS = 1000;

function connectError(code: Failure['code'], message: string): Error {
  return Object.assign(new Error(message), { data: { code, message } });
}

/**
 * Who is connecting: the handshake's `auth` checked against its schema, the presenter's
 * key, a phone's join code, and the limits on sockets per phone and new phones per
 * client address. A refusal says what to do in its message.
 */
export function checkHandshakes(io: LiveServer, options: HandshakeOptions): void {
  io.use((socket, next) => {
    try {
      const parsed = validate(handshakeSchema, socket.handshake.auth);
      if (!parsed.ok) return next(connectError('bad_request', `handshake: ${parsed.message}`));
      const auth = parsed.data;
      const engine = options.engine();
      if (auth.role === 'presenter') {
        // Key or cookie, wrong keys throttled per client address: server/auth owns the rules.
        const refusal = presenterHandshakeRefusal(auth.key, socket.handshake, options.presenterKey);
        if (refusal) return next(connectError(refusal.code, refusal.message));
      }
      if (auth.role === 'audience') {
        if (normaliseJoinCode(auth.joinCode) !== engine.session.joinCode) {
          return next(connectError('not_found', `no talk with the code "${auth.joinCode}" is running here — check the code on the screen`));
        }
        const known = engine.answeredBy(auth.participantId).length > 0 || engine.nickname(auth.participantId) !== null;
        const refusal = options.limits.admitPhone(auth.participantId, socket.handshake.address, known);
        // Said after a pause: a client that knocks again as soon as it is refused (a hostile one, a
        // reload loop) costs a full handshake each time, and the pause holds it to a few a second.
        if (refusal) return void setTimeout(() => next(connectError(refusal.code, refusal.message)), REFUSAL_PAUSE_MS);
      }
      socket.data = {
        role: auth.role,
        sessionId: engine.session.id,
        ...(auth.role === 'audience' ? { participantId: auth.participantId } : {}),
      };
      next();
    } catch (error) {
      options.faults.report('a handshake', error);
      next(connectError('internal', 'the server failed to let this client in — try again'));
    }
  });
}
