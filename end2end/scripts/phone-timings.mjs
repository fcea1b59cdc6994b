// Time to first paint and to interactive on a mid-range phone, as Chromium
// emulates one: 4x CPU slowdown and DevTools' "Fast 4G" network (9 Mbit/s
// down, 1.5 Mbit/s up, 165 ms latency, each with DevTools' own factor), a
// cold cache for every navigation, the median of N navigations per page.
//
//   node scripts/phone-timings.mjs [BASE_URL] [RUNS]
//
// BASE_URL is a running server with the demo data (default
// http://127.0.0.1:3000); the wizard's first step is measured signed in as
// the demo reseller. "Interactive" is when the app has hydrated (the
// `data-hydrated` marker the tests wait for), measured in the page from
// navigation start.
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const runs = Number(process.argv[3] ?? 10);

const FAST_4G = {
  offline: false,
  latency: 60 * 2.75,
  downloadThroughput: (9 * 1000 * 1000) / 8 * 0.9,
  uploadThroughput: (1.5 * 1000 * 1000) / 8 * 0.9,
};

// Records when the app marks itself hydrated, in the page's own clock.
const MARK_HYDRATION = () => {
  new MutationObserver((_, observer) => {
    if (document.body?.getAttribute('data-hydrated') === 'true') {
      window.__hydratedAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
};

async function measure(browser, path, signedIn) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
    locale: 'da-DK',
  });
  if (signedIn) {
    // The session cookie only: no page or file is fetched, the cache stays cold.
    const res = await context.request.post(`${base}/login`, {
      form: { username: 'reseller@nordlys.dk', password: 'demo1234' },
      maxRedirects: 0,
    });
    if (res.status() !== 303) throw new Error(`sign-in answered ${res.status()}`);
  }
  const page = await context.newPage();
  await page.addInitScript(MARK_HYDRATION);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', FAST_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${base}${path}`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__hydratedAt !== undefined, null, { timeout: 60_000 });
  const times = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    interactive: window.__hydratedAt,
  }));
  await context.close();
  return times;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu'],
});
console.log(`phone profile: 4x CPU slowdown, Fast 4G, cold cache, median of ${runs}`);
console.log('page                 FCP (ms)   interactive (ms)');
for (const [path, signedIn] of [['/signup', false], ['/new', true]]) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await measure(browser, path, signedIn));
  const fcp = median(results.map((r) => r.fcp));
  const tti = median(results.map((r) => r.interactive));
  console.log(`${path.padEnd(20)} ${fcp.toFixed(0).padStart(8)}   ${tti.toFixed(0).padStart(16)}`);
}
await browser.close();
