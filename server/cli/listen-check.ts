import { createServer } from 'node:net';
import { UserError } from '../user-error.ts';

/** What to tell the person starting handsup when the address cannot be listened on. */
export function listenFailure(error: NodeJS.ErrnoException, host: string, port: number): UserError {
  if (error.code === 'EADDRINUSE') return new UserError(`port ${port} is already in use — stop the other program or pass --port N`);
  if (error.code === 'EACCES') return new UserError(`port ${port} needs more rights on this system — pass --port 1024 or higher`);
  if (error.code === 'EADDRNOTAVAIL') return new UserError(`${host} is not an address of this machine — leave out --host, or pass one of its addresses`);
  return new UserError(`cannot listen on ${host}:${port}: ${error.message}`);
}

/**
 * Binds the address for a moment and lets it go, before anything is written to the data
 * folder: a start that cannot listen fails here and leaves no session behind. (Port 0
 * always succeeds: the system picks a free port at the real listen.)
 */
export async function ensureCanListen(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error: NodeJS.ErrnoException) => reject(listenFailure(error, host, port)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
