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

test('the keyboard meets a skip link first, and a whole tile picks its choice', async ({ page }, testInfo) => {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toHaveAttribute('href', '#main');
  await expect(page.locator('main#main')).toHaveCount(1);
  await open(page, '/new/number?customer=c00000000000000000000005', testInfo);
  const radio = page.getByRole('radio', { name: /\+45 20 10 00 06/ });
  const tile = page.locator('.tile', { has: radio });
  await tile.scrollIntoViewIfNeeded();
  const box = (await tile.boundingBox())!;
  const before = await tile.evaluate((e) => getComputedStyle(e).borderColor);
  // A click at the tile's far corner, away from the radio and its text.
  await page.mouse.click(box.x + box.width - 4, box.y + box.height - 4);
  await expect(radio).toBeChecked();
  expect(await tile.evaluate((e) => getComputedStyle(e).borderColor)).not.toBe(before);
});
