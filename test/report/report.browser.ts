import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { computeContainmentReport } from '../../tools/report/containment';
import { renderReportHtml } from '../../tools/report/html-page';
import { syntheticWeek, T0 } from './synthetic-events';

/**
 * The HTML report (`npm run report -- --html`) opened from disk in Debian's chromium with every
 * network request refused: the charts must draw from what the file holds. `npm run test:browser`.
 * The screenshot is left at SCREENSHOT for a person to look at.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const SCREENSHOT = path.join(os.tmpdir(), 'shopvoice-report', 'report.png');

const CHART_IDS = ['containment-chart', 'fallback-chart', 'utterances-chart', 'latency-chart'];

let workDir: string;
let browser: BrowserContext;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopvoice-report-browser-'));
  browser = await chromium.launchPersistentContext(path.join(workDir, 'profile'), { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(workDir, { recursive: true, force: true });
});

it('draws every chart offline from the self-contained page', async () => {
  const file = path.join(workDir, 'report.html');
  const events = syntheticWeek();
  // A shopper's words reach the page as text only, never as markup.
  events.push({ ...events[events.length - 1]!, conversationId: 'google:c8', utterance: '<img src=x onerror="window.injected=1">' });
  fs.writeFileSync(file, renderReportHtml(computeContainmentReport(events), { since: T0 }, new Date('2026-11-27T00:00:00Z')));

  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.route(/^https?:/, (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(pathToFileURL(file).href);
  await page.locator('body[data-ready="true"]').waitFor({ timeout: 10_000 });

  interface CanvasSeen {
    readonly id: string;
    readonly type?: string;
    readonly labels: number;
    readonly datasets: number;
    readonly width: number;
    readonly painted: number;
  }
  // Runs in the page (no DOM types in this project): each canvas's Chart.js instance, and how many of its pixels are painted.
  const charts = await page.evaluate<{ instances: number; injected: number; perCanvas: CanvasSeen[] }>(`(() => ({
    instances: window.reportCharts.length,
    injected: window.injected || 0,
    perCanvas: ${JSON.stringify(CHART_IDS)}.map((id) => {
      const canvas = document.getElementById(id);
      const chart = Chart.getChart(canvas);
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index] > 0) painted += 1;
      return { id, type: chart && chart.config.type, labels: chart ? chart.data.labels.length : 0, datasets: chart ? chart.data.datasets.length : 0, width: canvas.width, painted };
    }),
  }))()`);

  expect(problems).toEqual([]);
  expect(requests).toEqual([]);
  expect(charts.instances).toBe(4);
  expect(charts.injected).toBe(0);
  for (const chart of charts.perCanvas) {
    expect(chart).toMatchObject({ id: chart.id, type: 'bar' });
    expect(chart.width).toBeGreaterThan(100);
    // A drawn chart has thousands of painted pixels (bars, axes, labels); a blank canvas has none.
    expect(chart.painted).toBeGreaterThan(1_000);
  }
  expect(charts.perCanvas.find((chart) => chart.id === 'containment-chart')).toMatchObject({ labels: 5, datasets: 3 });
  expect(charts.perCanvas.find((chart) => chart.id === 'latency-chart')).toMatchObject({ labels: 10, datasets: 2 });
  expect(await page.locator('#flows-table tbody tr').count()).toBe(6);

  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
});
