import type { AnswerSubmit, ClientToServerEvents } from '../../protocol/events.ts';
import type { TestSocket } from './clients.ts';

type SubmitReply = Parameters<Parameters<ClientToServerEvents['answer:submit']>[1]>[0];

/** More tries than a read phase can need: the server's seconds are rounded up. */
const MOST_TRIES = 5;

/**
 * Sends a phone's answer as a phone would: a quiz question is read first (`read:`, default
 * 3 s), and an answer sent then is refused as too_early with the seconds until answers
 * open; the same answer id goes again once they have passed. Resolves with the first reply
 * that is not too_early (success or another refusal, for the caller to check).
 */
export async function submitWhenOpen(phone: TestSocket, submit: AnswerSubmit): Promise<SubmitReply> {
  for (let tries = 1; ; tries += 1) {
    const reply = await phone.timeout(5000).emitWithAck('answer:submit', submit);
    if (reply.ok || reply.code !== 'too_early' || tries === MOST_TRIES) return reply;
    const seconds = reply.detail?.reason === 'too_early' ? reply.detail.seconds : 1;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  }
}
