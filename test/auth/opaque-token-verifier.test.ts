import { opaqueTokenVerifier } from '../../lambda/auth/opaque-token-verifier';

/** Tokens only the store can read: the store is asked, and its answer kept for a while by the token's hash. */
describe('a verifier of opaque store tokens', () => {
  function storeAnswering(answers: Record<string, string | undefined>) {
    const asked: string[] = [];
    let clock = 1_000_000;
    const verifier = opaqueTokenVerifier(
      async (token) => {
        asked.push(token);
        return answers[token];
      },
      { rememberMs: 60_000, now: () => clock },
    );
    return { verifier, asked, advance: (ms: number) => (clock += ms) };
  }

  it('asks the store once while it remembers the answer, and again once that time is over', async () => {
    const store = storeAnswering({ 'tok-ava': 'cus_ava' });
    expect(await store.verifier.verify('tok-ava')).toEqual({ shopperId: 'cus_ava' });
    store.advance(59_000);
    expect(await store.verifier.verify('tok-ava')).toEqual({ shopperId: 'cus_ava' });
    expect(store.asked).toEqual(['tok-ava']);
    store.advance(2_000);
    expect(await store.verifier.verify('tok-ava')).toEqual({ shopperId: 'cus_ava' });
    expect(store.asked).toEqual(['tok-ava', 'tok-ava']);
  });

  it('never remembers a refusal, and never answers one token with another token’s customer', async () => {
    const store = storeAnswering({ 'tok-ava': 'cus_ava', 'tok-ben': 'cus_ben' });
    expect(await store.verifier.verify('tok-revoked')).toBeUndefined();
    expect(await store.verifier.verify('tok-revoked')).toBeUndefined();
    expect(await store.verifier.verify('tok-ava')).toEqual({ shopperId: 'cus_ava' });
    expect(await store.verifier.verify('tok-ben')).toEqual({ shopperId: 'cus_ben' });
    expect(store.asked).toEqual(['tok-revoked', 'tok-revoked', 'tok-ava', 'tok-ben']);
  });

  it('sends nothing to the store for a missing, overlong or malformed token', async () => {
    const store = storeAnswering({});
    for (const token of [undefined, '', 'x'.repeat(5_000), 'has space', 'line\nbreak']) expect(await store.verifier.verify(token)).toBeUndefined();
    expect(store.asked).toEqual([]);
  });

  it('lets a store that cannot be asked reject, so the shopper hears an apology rather than "link your account"', async () => {
    const down = opaqueTokenVerifier(() => Promise.reject(new Error('store down')), { rememberMs: 60_000 });
    await expect(down.verify('tok-ava')).rejects.toThrow('store down');
  });
});
