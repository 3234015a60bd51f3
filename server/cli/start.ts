import QRCode from 'qrcode';
import { createHandsupServer } from '../app.ts';
import { openClusterTalk } from '../cluster-talk.ts';
import { assetsAreBuilt, buildAssets } from '../build-assets.ts';
import { loadPresenterKey } from '../auth/presenter-key.ts';
import { DIST_DIR } from '../paths.ts';
import { baseUrl, lanAddresses } from '../net/lan-addresses.ts';
import { warmUpAnswerPath } from '../warm-up.ts';
import { ensureCanListen, listenFailure } from './listen-check.ts';
import { readTalkArgs } from './talk-args.ts';

/** A close taking longer than this says what it waits on. */
const CLOSE_WARNING_MS = 10_000;

/** `handsup start`: serves the talk until SIGINT/SIGTERM. Resolves with the exit code. */
export async function startCommand(args: string[]): Promise<number> {
  const talk = readTalkArgs('start', args, 3000);
  if (!talk) return 1;
  const { deck, deckFile, port, dataDir } = talk;
  const host = talk.host ?? '0.0.0.0';
  // What can stop the start is checked before a session is made or pages are built.
  // A cluster node's key is the cluster's (env, or kept in Redis), not the data folder's.
  if (!talk.redisUrl) loadPresenterKey(dataDir);
  await ensureCanListen(port, host);
  if (!assetsAreBuilt()) await buildAssets((line) => console.log(line));

  // A cluster node replays the talk from Redis before it serves; it refuses a Redis that could lose answers.
  let clusterTalk;
  if (talk.redisUrl) {
    try {
      clusterTalk = await openClusterTalk({ deck, deckFile, redisUrl: talk.redisUrl, newSession: talk.newSession, unsafe: talk.redisUnsafe });
    } catch (error) {
      console.error(`handsup: ${(error as Error).message}`);
      return 1;
    }
  }
  const server = createHandsupServer({
    deck,
    deckFile,
    distDir: DIST_DIR,
    dataDir,
    newSession: talk.newSession,
    joinsPerMinute: talk.joinsPerMinute,
    publicUrl: talk.publicUrl,
    talk: clusterTalk,
  });
  const address = await server.listen(port, host).catch(async (error: NodeJS.ErrnoException) => {
    // Taken in the moment since the check: rare, and said the same way.
    await server.close();
    throw listenFailure(error, host, port);
  });

  const { session } = server;
  const lanUrls = lanAddresses(host).map((lanAddress) => baseUrl(lanAddress, address.port));
  const local = baseUrl(host === '0.0.0.0' || host === '::' ? 'localhost' : host, address.port);
  const audienceUrl = `${talk.publicUrl ?? lanUrls[0]}/j/${session.joinCode}`;
  console.log(`handsup: "${deck.title}" (${deck.slides.length} slides) from ${deckFile}`);
  const keptIn = clusterTalk ? `a cluster node, the talk held in ${server.store.location}` : `data in ${dataDir}`;
  console.log(`  Session:    ${session.id} (${server.resumed ? 'resumed' : 'new'}), ${keptIn}`);
  console.log(`  Join code:  ${session.joinCode}`);
  console.log(`  Presenter:  ${local}/presenter?key=${server.presenterKey}`);
  console.log('              your console, on this laptop only: never show this address on the projector or share it');
  console.log(`  Projector:  ${local}/   (the deck; the join slide shows the phones' address)`);
  console.log(`  Phones:     ${audienceUrl}   (the QR code below and on the join slide${talk.publicUrl ? ', from --url' : ', on the default route'})`);
  const others = lanUrls.filter((url) => `${url}/j/${session.joinCode}` !== audienceUrl);
  for (const url of others) console.log(`  Also here:  ${url}/j/${session.joinCode}   (another network of this laptop: a VPN, Docker, a second card)`);
  console.log(await QRCode.toString(audienceUrl, { type: 'terminal', small: true }));
  const warmUp = new AbortController();
  let warmedUp: Promise<void> = Promise.resolve();

  return await new Promise<number>((resolveExit) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        // A second Ctrl+C: the presenter will not wait. What was acknowledged is on disk already.
        console.log(`handsup: ${signal} again: stopping now, without waiting for the connections to close`);
        process.exit(1);
      }
      stopping = true;
      console.log(`handsup: ${signal} received, saving and closing… (Ctrl+C again to stop at once)`);
      // A warm-up still running stops too, and removes its scratch folder before the process ends.
      warmUp.abort();
      const slow = setTimeout(() => {
        console.error(`handsup: still closing after ${CLOSE_WARNING_MS / 1000} s; waiting on: ${process.getActiveResourcesInfo().join(', ')}`);
      }, CLOSE_WARNING_MS);
      slow.unref();
      Promise.all([server.close(`the presenter stopped the server (${signal})`), warmedUp]).then(
        () => {
          clearTimeout(slow);
          resolveExit(0);
        },
        (error: unknown) => {
          console.error(`handsup: closing failed: ${(error as Error).message}`);
          resolveExit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
    // Said once a stop is handled (saved and closed), not before.
    console.log('Press Ctrl+C to stop; the talk resumes where it was on the next start.');
    // The answer path is compiled now, before the first poll, not during its burst; the talk does not wait for it.
    warmedUp = warmUpAnswerPath({ distDir: DIST_DIR, signal: warmUp.signal }).then(
      (report) => console.log(`handsup: answer path warmed up (${report.answers} answers to a scratch poll, ${report.ms} ms)`),
      (error: unknown) => {
        if (!warmUp.signal.aborted) console.error(`handsup: the warm-up of the answer path failed (${(error as Error).message}): the first poll's answers are only acknowledged a little later`);
      },
    );
  });
}
