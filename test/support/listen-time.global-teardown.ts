import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { listenDistribution, renderDistribution } from '../../tools/listen-time/distribution';
import { LISTEN_TIME_DIR_VARIABLE, type RecordedReply } from './listen-time-budget';

/** How many of the longest replies the summary quotes, for whoever shortens them. */
const LONGEST_QUOTED = 5;
const QUOTE_LENGTH = 110;

function readReplies(dir: string): RecordedReply[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readFileSync(path.join(dir, file), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedReply);
}

/**
 * Jest global teardown: prints how long the conversation tests' replies take to say, per flow.
 * The over-http project replays the same conversations over another store, so its replies are
 * counted only when the embedded project did not run.
 */
export default function printListenTimes(): void {
  const dir = process.env[LISTEN_TIME_DIR_VARIABLE];
  if (!dir) return;
  try {
    const all = readReplies(dir);
    const embedded = all.filter((reply) => reply.store === 'embedded');
    const replies = embedded.length > 0 ? embedded : all;
    if (replies.length === 0) return;
    const files = new Set(replies.map((reply) => reply.testFile)).size;
    const byLength = [...replies].sort((a, b) => b.seconds - a.seconds);
    // The same words on the other platform or in another test are quoted once, at their longest.
    const quoted = new Set<string>();
    const longest = byLength.filter((reply) => !quoted.has(reply.text) && quoted.add(reply.text)).slice(0, LONGEST_QUOTED);
    const quote = (text: string) => (text.length > QUOTE_LENGTH ? `${text.slice(0, QUOTE_LENGTH - 1)}…` : text);
    const lines = [
      '',
      `Listen time of the conversation tests' replies (estimated, tools/listen-time; ${replies.length} replies from ${files} test file${files === 1 ? '' : 's'}${replies === embedded ? ', embedded store' : ''})`,
      renderDistribution(listenDistribution(replies)),
      'longest:',
      ...longest.map((reply) => `  ${reply.seconds.toFixed(1)} s  ${reply.flow} · ${reply.platform} · ${reply.locale}: "${quote(reply.text)}"`),
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
