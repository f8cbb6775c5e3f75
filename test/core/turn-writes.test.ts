import { createTurnWrites, settlingTurnWrites, type TurnWriteReport } from '../../lambda/core/turn-writes';

/** A turn's own writes run beside its reply: tracked, reported when they fail or are given up on, settled before a Lambda returns. */

function reports(): TurnWriteReport & { readonly heard: string[] } {
  const heard: string[] = [];
  return {
    heard,
    failed: (error) => heard.push(`failed: ${(error as Error).message}`),
    notConfirmed: () => heard.push('not confirmed'),
  };
}

function held(): { readonly write: () => Promise<void>; release(): void; fail(error: Error): void } {
  let release: () => void = () => {};
  let fail: (error: Error) => void = () => {};
  const written = new Promise<void>((resolve, reject) => {
    release = resolve;
    fail = reject;
  });
  return { write: () => written, release: () => release(), fail: (error) => fail(error) };
}

describe('turn writes', () => {
  it('runs a write without being waited for, and forgets it once it is done', async () => {
    const writes = createTurnWrites();
    const report = reports();
    const write = held();
    writes.start(write.write, report);
    expect(writes.pending).toBe(1);
    write.release();
    await writes.settle(1_000);
    expect(writes.pending).toBe(0);
    expect(report.heard).toEqual([]);
  });

  it('reports a write that fails or throws, once', async () => {
    const writes = createTurnWrites();
    const report = reports();
    const write = held();
    writes.start(write.write, report);
    writes.start(() => {
      throw new Error('threw');
    }, report);
    write.fail(new Error('table gone'));
    await writes.settle(1_000);
    expect(report.heard.sort()).toEqual(['failed: table gone', 'failed: threw']);
  });

  it('gives up on a write still running when told to settle, says so once, and says nothing when it ends later', async () => {
    const writes = createTurnWrites();
    const report = reports();
    const write = held();
    writes.start(write.write, report);
    await writes.settle(0);
    expect(report.heard).toEqual(['not confirmed']);
    expect(writes.pending).toBe(0);
    write.fail(new Error('late'));
    await new Promise(setImmediate);
    expect(report.heard).toEqual(['not confirmed']);
  });

  it('gives up on a write that never settles on its own after its time, even when nobody settles', async () => {
    const writes = createTurnWrites({ timeoutMs: 5 });
    const report = reports();
    writes.start(() => new Promise<void>(() => {}), report);
    while (writes.pending > 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(report.heard).toEqual(['not confirmed']);
  });

  it('never lets a reporter that throws escape', async () => {
    const writes = createTurnWrites();
    writes.start(
      async () => {
        throw new Error('down');
      },
      {
        failed: () => {
          throw new Error('logger broke');
        },
        notConfirmed: () => {},
      },
    );
    await expect(writes.settle(1_000)).resolves.toBeUndefined();
  });

  it('lets a Lambda handler return only once the writes its turn started are settled', async () => {
    const writes = createTurnWrites();
    const write = held();
    const order: string[] = [];
    const handler = settlingTurnWrites(
      async (event: string) => {
        writes.start(async () => {
          await write.write();
          order.push('written');
        }, reports());
        return `answer to ${event}`;
      },
      writes,
      1_000,
    );
    const answering = handler('launch', {}).then((answer) => order.push(answer));
    await new Promise(setImmediate);
    expect(order).toEqual([]);
    write.release();
    await answering;
    expect(order).toEqual(['written', 'answer to launch']);
  });
});
