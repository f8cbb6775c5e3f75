import { ORDERS_DOCUMENT, PRODUCT_OPTIONS_DOCUMENT } from '../../lambda/platforms/alexa-screen/apl-documents';
import { aplProblems } from '../support/apl-validation';

describe("the APL validator the screen tests use (Amazon's apl-suggester, plus component and command checks)", () => {
  it('passes the documents Shopvoice sends', async () => {
    expect(await aplProblems(PRODUCT_OPTIONS_DOCUMENT)).toEqual([]);
    expect(await aplProblems(ORDERS_DOCUMENT)).toEqual([]);
  });

  it.each([
    ['an unknown component', { type: 'APL', version: '2023.3', mainTemplate: { items: [{ type: 'Txt', text: 'a' }] } }, /no APL component "Txt"/],
    ['a misspelled property', { type: 'APL', version: '2023.3', mainTemplate: { items: [{ type: 'Text', txt: 'a' }] } }, /additional properties : txt/],
    ['a value outside its enum', { type: 'APL', version: '2023.3', mainTemplate: { items: [{ type: 'Text', text: 'a', textAlign: 'middle' }] } }, /textAlign/],
    ['an unknown version', { type: 'APL', version: '9.9', mainTemplate: { items: [{ type: 'Text', text: 'a' }] } }, /\/version/],
    [
      'an unknown command',
      { type: 'APL', version: '2023.3', mainTemplate: { items: [{ type: 'TouchWrapper', onPress: [{ type: 'SendEvnt' }], item: { type: 'Text', text: 'a' } }] } },
      /no APL command "SendEvnt"/,
    ],
  ])('finds %s', async (_what, document, problem) => {
    expect((await aplProblems(document)).join('\n')).toMatch(problem);
  });
});
