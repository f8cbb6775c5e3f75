import { type ChildProcess, fork } from 'node:child_process';
import type { BenchMessage, MemorySnapshot, ServerMessage } from './server-protocol';

/** A server the bench forked, listening on loopback. */
export interface ServerProcess {
  readonly baseUrl: string;
  measureMemory(): Promise<MemorySnapshot>;
  /** Sends `message` and waits for the server's next message of type `answer`. */
  ask<T extends ServerMessage['type']>(message: BenchMessage, answer: T): Promise<Extract<ServerMessage, { type: T }>>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 20_000;
const STOP_TIMEOUT_MS = 5_000;

function nextMessage<T extends ServerMessage['type']>(child: ChildProcess, type: T, stderr: () => string): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`bench: the server sent no "${type}" within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    const onMessage = (message: ServerMessage) => {
      if (message.type === type) finish(undefined, message as Extract<ServerMessage, { type: T }>);
    };
    const onExit = (code: number | null) => finish(new Error(`bench: the server exited (${code}) before "${type}": ${stderr().trim()}`));
    function finish(error: Error | undefined, message?: Extract<ServerMessage, { type: T }>) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error || !message) reject(error);
      else resolve(message);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Forks a bundled server program with garbage collection exposed, and waits until it listens. */
export async function startServer(program: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = fork(program, [], { env, execArgv: ['--expose-gc'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const readStderr = () => stderr;
  let listening;
  try {
    listening = await nextMessage(child, 'listening', readStderr);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const ask: ServerProcess['ask'] = (message, type) => {
    const answer = nextMessage(child, type, readStderr);
    child.send(message);
    return answer;
  };
  return {
    baseUrl: `http://127.0.0.1:${listening.port}`,
    ask,
    async measureMemory() {
      return (await ask({ type: 'measure-memory' }, 'memory')).snapshot;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.disconnect();
      });
    },
  };
}

/** Starts servers side by side; when one fails to start, the others are stopped before the error is thrown. */
export async function startServers(...servers: readonly { program: string; env: NodeJS.ProcessEnv }[]): Promise<ServerProcess[]> {
  const started = await Promise.allSettled(servers.map(({ program, env }) => startServer(program, env)));
  const running = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
  const failure = started.find((outcome) => outcome.status === 'rejected');
  if (failure) {
    await Promise.all(running.map((server) => server.stop()));
    throw failure.reason;
  }
  return running;
}
