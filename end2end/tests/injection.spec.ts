import { expect, test } from './fixtures';
import { jsOn, open, signIn } from './helpers';
import type { Page } from '@playwright/test';

// Text that closes the element it lands in and starts a script. Each would
// set window.__xss if it ran.
const PAYLOADS = [
  '</textarea><script>window.__xss=1</script>',
  '"><img src=x onerror=window.__xss=2>',
  '</script><script>window.__xss=3</script>',
];
const BAGER_JENSEN = 'c00000000000000000000005';

/** Nothing injected is in the page, and nothing injected ran. */
async function assertInert(page: Page, jsEnabled: boolean, where: string) {
  await expect(page.locator('img[src="x"]'), where).toHaveCount(0);
  await expect(page.locator('script').filter({ hasText: /^window\.__xss=\d$/ }), where).toHaveCount(0);
  if (jsEnabled) {
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), where).toBeUndefined();
  }
}

test('wizard answers in the address come back as text', async ({ page }, testInfo) => {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  for (const payload of PAYLOADS) {
    const q = new URLSearchParams({ customer: BAGER_JENSEN, notes: payload, custom: payload, sip: payload, ext: payload });
    await open(page, `/new/extras?${q}`, testInfo);
    await expect(page.getByRole('heading', { level: 1, name: 'Extras' })).toBeVisible();
    await expect(page.getByLabel(/^SIP account id/)).toHaveValue(payload);
    await expect(page.getByLabel(/^PBX extension id/)).toHaveValue(payload);
    // Notes and custom data are kept on the server: a link cannot plant them.
    await expect(page.getByLabel(/^Notes/)).toHaveValue('');
    await expect(page.getByLabel(/^Custom data/)).toHaveValue('');
    await assertInert(page, jsOn(testInfo), `extras with ${payload}`);

    const all = new URLSearchParams({ customer: BAGER_JENSEN, mode: 'keep', keepnumber: payload, icc: payload, vmemail: payload, donor: payload, sip: payload });
    await open(page, `/new/review?${all}`, testInfo);
    await assertInert(page, jsOn(testInfo), `review with ${payload}`);
  }
});

test('text typed into the wizard stays text when shown again', async ({ page }, testInfo) => {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  const answers = new URLSearchParams({ customer: BAGER_JENSEN, mode: 'new', number: '+4520100020', sim: 'esim', network: 'TDC', plan: 'd00000000000000000000001' });
  await open(page, `/new/extras?${answers}`, testInfo);
  await page.getByLabel(/^Notes/).fill(PAYLOADS[0]);
  await page.getByLabel(/^Custom data/).fill('{"ref": "</script><script>window.__xss=4</script>"}');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await assertInert(page, jsOn(testInfo), 'review after typing');
  expect(page.url()).not.toContain('xss');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Extras' })).toBeVisible();
  await expect(page.getByLabel(/^Notes/)).toHaveValue(PAYLOADS[0]);
  await expect(page.getByLabel(/^Custom data/)).toHaveValue('{"ref": "</script><script>window.__xss=4</script>"}');
  await assertInert(page, jsOn(testInfo), 'extras shown again');
});

test('the signup and the sign-in show what was sent as text', async ({ page }, testInfo) => {
  for (const payload of PAYLOADS) {
    const q = new URLSearchParams({ name: payload, email: payload, address: payload, err_msg: payload });
    await open(page, `/signup?${q}`, testInfo);
    await expect(page.getByLabel('Full name')).toHaveValue(payload);
    await assertInert(page, jsOn(testInfo), `signup with ${payload}`);
    await open(page, `/login?${new URLSearchParams({ error: payload, username: payload })}`, testInfo);
    await assertInert(page, jsOn(testInfo), `sign-in with ${payload}`);
    await page.getByLabel('Username').fill(payload);
    await page.getByLabel('Password').fill(payload);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await assertInert(page, jsOn(testInfo), `sign-in posted with ${payload}`);
  }
});
