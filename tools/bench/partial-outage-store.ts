import express from 'express';
import { openEmbeddedStore } from '../../lambda/commerce/sqlite/embedded-store';
import { createLogger } from '../../lambda/logging';
import { createStoreApiApp } from '../store-server/store-api-app';
import { serveForBench } from './serve-for-bench';

/**
 * The store API of commerce-api.yaml (tools/store-server) over an in-memory demo store, in a process
 * of its own, where a share of the requests hang: each is read and never answered, its connection
 * left open until the client gives up. Which ones hang is drawn at random per request, from a fixed
 * seed, so every run draws the same sequence. The bench sets the share over IPC; it starts at 0.
 */

/** A small seeded generator (mulberry32): uniform in [0, 1), the same sequence on every run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SEED = 15;

const store = openEmbeddedStore(':memory:');
const random = seededRandom(SEED);
let hangShare = 0;
let requests = 0;
let hung = 0;

const app = express();
app.use((request, _response, next) => {
  requests += 1;
  if (random() >= hangShare) return next();
  hung += 1;
  // Read the body so the client is not held up sending it; then say nothing.
  request.resume();
});
app.use(createStoreApiApp(store.store, { logger: createLogger('silent') }));

serveForBench(app, (message) => {
  if (message.type !== 'hang-share') return undefined;
  hangShare = message.share;
  return { type: 'store-counts', counts: { requests, hung } };
});
