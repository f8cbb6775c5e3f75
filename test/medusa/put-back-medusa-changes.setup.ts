import { cancelMadeSince, enterTest, leaveTest, putBack } from './medusa-changes';

/**
 * Jest setup (after the test framework) of the 'over-medusa' project: after each test, what it
 * changed in the run's one Medusa is put back and the returns and orders it made are cancelled;
 * after each file, what its `beforeAll`s changed. So each test meets the Medusa the seed made, as
 * each test over the embedded store meets a fresh demo store.
 */
let fileStarted = new Date();
let testStarted = new Date();

beforeAll(() => {
  fileStarted = new Date();
});
beforeEach(() => {
  testStarted = new Date();
  enterTest();
});
afterEach(async () => {
  leaveTest();
  await cancelMadeSince(testStarted);
  await putBack('test');
});
afterAll(async () => {
  await cancelMadeSince(fileStarted);
  await putBack('file');
});
