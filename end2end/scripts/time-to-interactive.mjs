// Measures, in Debian's Chromium, the time from navigating to the wizard's
// first step until the hydrated step says it is listening
// (body[data-step-ready]). Usage, with the server running:
//   node scripts/time-to-interactive.mjs [base-url] [runs]
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const runs = Number(process.argv[3] ?? 10);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${base}/login`);
await page.getByLabel('Username').fill('reseller@nordlys.dk');
await page.getByLabel('Password').fill('demo1234');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByTestId('signed-in-user').waitFor();

const times = [];
for (let i = 0; i < runs + 1; i++) {
  const started = Date.now();
  await page.goto(`${base}/new`, { waitUntil: 'commit' });
  await page.locator('body[data-step-ready="customer"]').waitFor({ state: 'attached' });
  const ms = Date.now() - started;
  if (i > 0) times.push(ms); // the first run warms the cache
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`navigation to interactive on /new: median ${median} ms, min ${times[0]} ms, max ${times[times.length - 1]} ms over ${times.length} runs`);
await browser.close();
