import { expect, test } from './fixtures';
import { open, signIn } from './helpers';

// A phone held upright: the smallest width the portal is made for.
test.use({ viewport: { width: 320, height: 640 } });

/** Neither the page nor anything on it reaches past the screen's edge. */
async function noSidewaysScroll(page: import('@playwright/test').Page, where: string) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.page, `${where} scrolls sideways`).toBeLessThanOrEqual(widths.screen);
}

/** Phone numbers stay on one line. */
async function numbersOnOneLine(page: import('@playwright/test').Page, where: string) {
  const { shown, wrapped } = await page.evaluate(() => {
    const numbers = Array.from(document.querySelectorAll('.mono')).filter((e) =>
      /^\+45 \d\d \d\d \d\d \d\d$/.test(e.textContent?.trim() ?? ''),
    );
    const wrapped = numbers
      .filter((e) => e.getClientRects().length > 1 || getComputedStyle(e).whiteSpace !== 'nowrap')
      .map((e) => e.textContent);
    return { shown: numbers.length, wrapped };
  });
  expect(wrapped, `${where}: numbers that may wrap`).toEqual([]);
  return shown;
}

test('no page scrolls sideways at 320 px and numbers never wrap', async ({ page }, testInfo) => {
  await open(page, '/login', testInfo);
  await noSidewaysScroll(page, 'sign-in');
  await open(page, '/signup', testInfo);
  await noSidewaysScroll(page, 'signup');
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  await noSidewaysScroll(page, 'subscriptions');
  expect(await numbersOnOneLine(page, 'subscriptions')).toBeGreaterThan(0);
  await open(page, '/customers', testInfo);
  await noSidewaysScroll(page, 'customers');
  await open(page, '/accounts/ac0000000000000000000002', testInfo);
  await noSidewaysScroll(page, 'a subscription');
  await numbersOnOneLine(page, 'a subscription');
  for (const step of ['customer', 'number', 'sim', 'plan', 'extras', 'review']) {
    await open(page, `/new/${step}?customer=c00000000000000000000005&mode=new&number=%2B4520100006&sim=esim&network=TDC&plan=d00000000000000000000001`, testInfo);
    await noSidewaysScroll(page, `wizard step ${step}`);
    await numbersOnOneLine(page, `wizard step ${step}`);
  }
});
