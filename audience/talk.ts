import type { ErrorCode } from '../protocol/errors.ts';
import { AnswerQueue } from './answer-queue.ts';
import type { Announcer } from './announcer.ts';
import { Connection, type AudienceHandshake, type ConnectionStatus } from './connection.ts';
import { LiveView } from './live-view.ts';
import { decideNickname, decidedNickname, lastNickname, participantIdFor, tidyNickname } from './participant.ts';
import { reactionBar } from './reaction-bar.ts';
import type { ScreenHost } from './screen-host.ts';
import { connectingScreen } from './screens/message-screens.ts';
import { nicknameCard } from './screens/nickname-card.ts';
import type { StatusBanner } from './status-banner.ts';
import { STORAGE_KEYS, type KeyValueStore } from './storage.ts';
import { strings } from './strings.ts';

export interface TalkDependencies {
  store: KeyValueStore;
  host: ScreenHost;
  announcer: Announcer;
  banner: StatusBanner;
  /**
   * The server turned the phone away. joined: whether it had been in the talk (then the
   * talk ended or moved; otherwise the code was wrong).
   */
  onRefused(code: ErrorCode, joined: boolean): void;
}

/**
 * One phone in one talk: its participant id, its connection, the answers on their way
 * and the screens that follow the presenter. Everything is kept per join code.
 */
export function joinTalk(joinCode: string, deps: TalkDependencies): void {
  const { store, host, announcer, banner } = deps;
  let nickname = decidedNickname(store, joinCode);
  const auth: AudienceHandshake = {
    role: 'audience',
    joinCode,
    participantId: participantIdFor(store, joinCode),
    ...(nickname ? { nickname } : {}),
  };

  host.show(connectingScreen());
  let joined = false;
  let status: ConnectionStatus = 'connecting';

  const queue: AnswerQueue = new AnswerQueue({
    store,
    storageKey: STORAGE_KEYS.pendingAnswers(joinCode),
    send: (answer) => connection.submit(answer),
    canSend: () => connection.connected,
    events: {
      changed: () => live.render(),
      acknowledged: (answer) => live.acknowledged(answer),
      rejected(questionId, refusal) {
        live.rejected(questionId, refusal);
        // A conflict means the server knows an answer this page does not (a quiz answered in another tab).
        if (refusal.code === 'conflict') connection.sync();
      },
    },
  });
  // Asked once per talk, and only in a talk with a quiz: the live view places the card where it does not stand in the way.
  const nicknamePrompt = nickname === undefined ? nicknameCard(lastNickname(store), chooseNickname) : null;
  const live = new LiveView(host, queue, announcer, nicknamePrompt, async (questionId, entryId) => {
    const reply = await connection.request('qa:upvote', { questionId, entryId });
    return reply.ok ? null : strings.upvoteRefused(strings.refusal(reply));
  });
  // On every slide: the server limits how fast; offline taps go nowhere (the banner says why).
  const reactions = reactionBar(async (emoji) => {
    if (!connection.connected) return 'offline';
    const reply = await connection.request('reaction:send', { emoji });
    return reply.ok ? null : reply.code;
  }, (message) => announcer.say(message));
  document.body.append(reactions);

  const connection: Connection = new Connection(auth, {
    view(view) {
      joined = true;
      for (const own of view.ownAnswers) queue.settle(own);
      live.showView(view);
    },
    results: (results, question) => live.showResults(results, question),
    status(next) {
      if (next === 'offline') announcer.say(strings.announceOffline);
      else if (next === 'online' && (status === 'offline' || status === 'reconnecting')) announcer.say(strings.announceOnline);
      status = next;
      banner.show(next);
      live.render();
    },
    connected: () => queue.flush(),
    lost: () => queue.connectionLost(),
    refused(code) {
      connection.close();
      reactions.remove();
      banner.show('online');
      deps.onRefused(code, joined);
    },
  });

  /** The server checks the name (unique in the talk, not profane) and keeps it; a refusal is shown on the nickname card. */
  async function chooseNickname(typed: string): Promise<string | null> {
    let chosen = tidyNickname(typed);
    if (chosen) {
      const reply = await connection.request('participant:nickname', { nickname: chosen });
      if (!reply.ok) {
        // Taken (with a free alternative), held back, busy or no reply: said in the phone's language.
        const problem = strings.nicknameRefused(strings.refusal(reply));
        announcer.say(problem);
        return problem;
      }
      chosen = reply.nickname;
    }
    nickname = decideNickname(store, joinCode, chosen);
    connection.setNickname(nickname);
    live.render();
    return null;
  }
}

