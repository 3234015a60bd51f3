import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../server/cli/main.ts';
import { runHandsup } from '../support/cli.ts';
import { connectClient, makeId, nextEvent } from '../support/clients.ts';
import { ROOT, startServer, tempDataDir, TEST_PRESENTER_KEY, type ServerProcess } from '../support/server-process.ts';

const DECK = 'tests/fixtures/live-deck.md';
const handsup = (...args: string[]) => runHandsup(args);

const running: ServerProcess[] = [];
afterAll(async () => {
  for (const server of running) if (server.child.exitCode === null) await server.stop();
});

describe('handsup check', () => {
  it('accepts the built-in talk and the example deck', async () => {
    const result = await handsup('check', 'slides/talks/three-networking-disconnects.md', 'slides/talks/example.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/three-networking-disconnects\.md: ok \(\d+ slides, \d+ questions\)/);
  });

  it('exits 1 with file:line: message for each problem, and checks every file given', async () => {
    const result = await handsup('check', 'tests/fixtures/bad/unknown-type.md', 'tests/fixtures/bad/quiz-wrong-correct.md', 'slides/talks/example.md');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('tests/fixtures/bad/unknown-type.md:8: unknown question type "pol" — use one of: choice, quiz, wordcloud, text, scale, qa');
    expect(result.stderr).toMatch(/tests\/fixtures\/bad\/quiz-wrong-correct\.md:10: quiz correct answer "Rome" is not one of the options/);
    expect(result.stdout).toContain('slides/talks/example.md: ok');
  });

  it('reports every problem of a deck in one run: a bad value does not hide the rules after it', async () => {
    const result = await handsup('check', 'tests/fixtures/bad/many-problems.md');
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'tests/fixtures/bad/many-problems.md:10: quiz correct answer "Rome" is not one of the options: "Lyon", "Paris"',
      'tests/fixtures/bad/many-problems.md:11: unknown results setting "sometimes" — use one of: live, after-vote, after-close, presenter-only',
      'tests/fixtures/bad/many-problems.md:20: scale min (5) must be less than max (1)',
      'tests/fixtures/bad/many-problems.md:22: unknown field "resluts" in poll block — did you mean "results"?',
      'handsup: 1 of 1 deck(s) have problems — fix the lines above and check again',
    ]);
  });

  it('names a missing file, and asks for a file when given none', async () => {
    const missing = await handsup('check', 'nope.md');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.md:1: file not found');
    const none = await handsup('check');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('name at least one deck');
  });
});

describe('handsup start, stop and sessions', () => {
  it('refuses to start a broken deck, saying where', async () => {
    const result = await handsup('start', '--deck', 'tests/fixtures/bad/unknown-type.md', '--port', '0', '--data', tempDataDir());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown-type.md:8: unknown question type "pol"');
  });

  it('refuses an unknown option and a bad port with a clear message', async () => {
    const unknown = await handsup('start', '--colour', 'red');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^handsup: Unknown option '--colour' for `handsup start`/);
    const port = await handsup('start', '--port', 'eighty', '--data', tempDataDir());
    expect(port.code).toBe(1);
    expect(port.stderr).toContain('port "eighty" is not a port number');
  });

  it('shuts down gracefully on SIGTERM, resumes the session on restart, and starts a new one on request', async () => {
    const dataDir = tempDataDir();
    const first = await startServer({ deck: DECK, dataDir });
    running.push(first);
    expect(first.output()).toMatch(/Presenter:\s+http:\/\/127\.0\.0\.1:\d+\/presenter\?key=/);
    expect(first.output()).toMatch(/Join code:\s+[A-Z]{6}/);
    const { joinCode } = await (await fetch(`${first.url}/healthz`)).json();
    const { socket: presenter } = await connectClient(first.url, { role: 'presenter', key: TEST_PRESENTER_KEY });
    const participantId = makeId('phone');
    const { socket: phone } = await connectClient(first.url, { role: 'audience', joinCode, participantId });
    await presenter.timeout(5000).emitWithAck('slide:go', { h: 1, v: 0, f: -1 });
    expect((await phone.timeout(5000).emitWithAck('answer:submit', { questionId: 'pick-one', answerId: makeId(), value: { options: [2] } })).ok).toBe(true);

    const told = nextEvent(phone, 'server:closing');
    const code = await first.stop();
    await told;
    expect(code).toBe(0);
    presenter.close();
    phone.close();

    const second = await startServer({ deck: DECK, dataDir });
    running.push(second);
    expect(second.output()).toContain('(resumed)');
    expect((await (await fetch(`${second.url}/healthz`)).json()).joinCode).toBe(joinCode);
    const back = await connectClient(second.url, { role: 'audience', joinCode, participantId });
    expect(back.view).toMatchObject({ question: { id: 'pick-one' }, ownAnswer: { value: { options: [2] } } });
    back.socket.close();
    await second.stop();

    const third = await startServer({ deck: DECK, dataDir, args: ['--new-session'] });
    running.push(third);
    expect(third.output()).toContain('(new)');
    const fresh = (await (await fetch(`${third.url}/healthz`)).json()).joinCode;
    expect(fresh).not.toBe(joinCode);
    await third.stop();

    const listed = await handsup('sessions', '--data', dataDir);
    expect(listed.code).toBe(0);
    const lines = listed.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ID\s+CODE\s+DECK\s+STARTED \(UTC\)\s+RESPONSES$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(fresh);
    expect(lines[1]).toMatch(/\s0$/);
    expect(lines[2]).toContain(joinCode);
    expect(lines[2]).toMatch(/Live test deck.*\s1$/);
  });

  it('says where to look when the data folder does not exist', async () => {
    const result = await handsup('sessions', '--data', '/nonexistent/handsup-data');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no data folder at /nonexistent/handsup-data');
  });
});

// The command line's refusals, run through its real entry point in this process (one
// module load for all of them instead of a Node start per case): exit code and every line.
async function inProcess(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => void out.push(parts.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void err.push(parts.join(' ')));
  try {
    const code = await main(args);
    return { code, out: out.join('\n').split('\n').filter(Boolean), err: err.join('\n').split('\n').filter(Boolean) };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('handsup start and dev refuse in one line', () => {
  it('a missing deck: exit 1, one line, nothing written', async () => {
    for (const command of ['start', 'dev']) {
      const dataDir = tempDataDir();
      const result = await inProcess(command, '--deck', 'nope.md', '--port', '0', '--data', dataDir);
      expect(result.code, command).toBe(1);
      expect(result.err, command).toEqual([
        expect.stringMatching(/^handsup: no deck at nope\.md \(.*nope\.md\) — check the path, or leave out --deck for the built-in talk$/),
      ]);
      expect(result.out, command).toEqual([]);
      expect(existsSync(join(dataDir, 'handsup.sqlite')), command).toBe(false);
    }
  });

  it('a busy port: exit 1, one line, and no session left behind', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      for (const command of ['start', 'dev']) {
        const dataDir = tempDataDir();
        const result = await inProcess(command, '--deck', DECK, '--host', '127.0.0.1', '--port', String(port), '--data', dataDir);
        expect(result.code, command).toBe(1);
        expect(result.err, command).toEqual([`handsup: port ${port} is already in use — stop the other program or pass --port N`]);
        const sessions = await inProcess('sessions', '--data', dataDir);
        expect(sessions.out, command).toEqual([`No sessions in ${dataDir} yet.`]);
      }
    } finally {
      taken.close();
    }
  });
});

describe('every command-line error', () => {
  it('starts with "handsup:" (deck problems keep their file:line form)', async () => {
    const failing = [
      ['launch'],
      ['check'],
      ['check', 'tests/fixtures/bad/unknown-type.md', 'nope.md'],
      ['start', '--colour', 'red'],
      ['start', '--port', 'eighty'],
      ['start', '--deck', 'tests/fixtures/bad/unknown-type.md', '--port', '0', '--data', tempDataDir()],
      ['dev', '--deck', 'slides'],
      ['export', 'slides'],
      ['export', 'results', '--format', 'xml'],
      ['export', 'results', '--data', '/nonexistent/handsup-data'],
      ['sessions', '--data', '/nonexistent/handsup-data'],
    ];
    for (const args of failing) {
      const result = await inProcess(...args);
      const label = `handsup ${args.join(' ')}`;
      expect(result.code, label).toBe(1);
      const messages = result.err.filter((line) => !/^\S+\.md:\d+: /.test(line));
      expect(messages.length, label).toBeGreaterThan(0);
      // `handsup launch` follows its one error line with the help text.
      for (const line of args[0] === 'launch' ? messages.slice(0, 1) : messages) expect(line, label).toMatch(/^handsup: /);
    }
  });
});
