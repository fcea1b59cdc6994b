import { expect, test } from './fixtures';
import { checkA11y, DEMO_PASSWORD, demoIcc, jsOn, next, open, pickNumber, shot, signIn } from './helpers';

// Each project (JavaScript on / off) uses its own numbers and cards, since
// both run against one server.
const pick = <T>(testInfo: { project: { name: string } }, js: T, nojs: T) => (testInfo.project.name === 'js' ? js : nojs);

async function startAsReseller(page: import('@playwright/test').Page, testInfo: import('@playwright/test').TestInfo, customer: string) {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  await page.getByRole('link', { name: 'New subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose the customer' })).toBeVisible();
  await shot(page, testInfo, 'wizard-customer');
  await checkA11y(page, testInfo, 'customer step');
  await page.getByLabel(customer).check();
  await next(page, 'Phone number');
}

test('a reseller buys a number with a physical SIM card', async ({ page }, testInfo) => {
  const number = pick(testInfo, '+4520100002', '+4520100003');
  const grouped = number.replace(/^\+45(\d\d)(\d\d)(\d\d)(\d\d)$/, '+45 $1 $2 $3 $4');
  const icc = demoIcc('8945550', pick(testInfo, 3, 4));
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  await shot(page, testInfo, 'wizard-number');
  await checkA11y(page, testInfo, 'number step');
  await pickNumber(page, number, testInfo);
  await next(page, 'SIM card');
  await shot(page, testInfo, 'wizard-sim');
  await checkA11y(page, testInfo, 'SIM step');
  await page.getByLabel('Physical SIM card from stock').check();
  await page.getByLabel('ICC number of the physical SIM card').fill(icc);
  await next(page, 'Rate plan and features');
  await shot(page, testInfo, 'wizard-plan');
  await checkA11y(page, testInfo, 'plan step');
  await page.getByRole('radio', { name: /Fri tale \+ 10 GB/ }).check();
  await next(page, 'Extras');
  await shot(page, testInfo, 'wizard-extras');
  await checkA11y(page, testInfo, 'extras step');
  await next(page, 'Check your answers');
  await shot(page, testInfo, 'wizard-review');
  await checkA11y(page, testInfo, 'review');
  await expect(page.getByText(`Physical SIM card ${icc}`)).toBeVisible();
  await page.getByRole('button', { name: 'Confirm and create subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription is created' })).toBeVisible();
  await expect(page.getByText(icc)).toBeVisible();
  if (jsOn(testInfo)) {
    // The state changes from CREATING to ACTIVE without a reload.
    await expect(page.getByTestId('account-status')).toHaveText('Active', { timeout: 15_000 });
  } else {
    await expect(page.getByTestId('account-status')).toHaveText(/Being activated|Active/);
  }
  await shot(page, testInfo, 'wizard-result');
  await checkA11y(page, testInfo, 'result');
});

test('a wrong ICC is shown next to its field and what was typed is kept', async ({ page }, testInfo) => {
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  await page.getByLabel('Get a new number').check();
  await page.getByRole('radio', { name: /\+45 20 10 00 0/ }).first().check();
  await next(page, 'SIM card');
  await page.getByLabel('Physical SIM card from stock').check();
  await page.getByLabel('ICC number of the physical SIM card').fill('8945 12');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expect(page.getByRole('link', { name: 'The ICC number has 18 to 20 digits' })).toBeVisible();
  await expect(page.getByLabel('ICC number of the physical SIM card')).toHaveValue('8945 12');
  await expect(page.getByLabel('ICC number of the physical SIM card')).toHaveAttribute('aria-invalid', 'true');
  await checkA11y(page, testInfo, 'SIM step with an error');
});

test('an eSIM shows its QR code and install links', async ({ page }, testInfo) => {
  const number = pick(testInfo, '+4520100004', '+4520100005');
  const grouped = number.replace(/^\+45(\d\d)(\d\d)(\d\d)(\d\d)$/, '+45 $1 $2 $3 $4');
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  await pickNumber(page, number, testInfo);
  await next(page, 'SIM card');
  await page.getByLabel('eSIM', { exact: true }).check();
  await page.getByLabel('TDC').check();
  await next(page, 'Rate plan and features');
  await page.getByRole('radio', { name: /Fri tale \+ 10 GB/ }).check();
  if (jsOn(testInfo)) {
    // The feature switches follow the chosen plan's defaults.
    await expect(page.getByLabel('5G', { exact: true })).not.toBeChecked();
  }
  await page.getByRole('radio', { name: /Fri tale \+ 50 GB/ }).check();
  if (jsOn(testInfo)) {
    await expect(page.getByLabel('5G', { exact: true })).toBeChecked();
  }
  // Every switch counts as shown: unticked roaming means no roaming.
  await page.getByLabel('Roaming', { exact: true }).uncheck();
  await next(page, 'Extras');
  await next(page, 'Check your answers');
  await page.getByRole('button', { name: 'Confirm and create subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription is created' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'QR code of the eSIM activation code' })).toBeVisible();
  await expect(page.locator('.qr svg')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Install on this iPhone' })).toHaveAttribute('href', /^https:\/\/esimsetup\.apple\.com\/.*carddata=LPA:1\$/);
  await expect(page.getByRole('link', { name: 'Install on this Android phone' })).toHaveAttribute('href', /^https:\/\/esimsetup\.android\.com\//);
  await shot(page, testInfo, 'wizard-esim-result');
  await checkA11y(page, testInfo, 'eSIM result');
  // The subscription has what the switches showed.
  const id = new URL(page.url()).pathname.split('/').pop();
  const login = await page.request.post('/api/auth/login', { data: { username: 'reseller@nordlys.dk', password: DEMO_PASSWORD } });
  const { token } = await login.json();
  const account = await (await page.request.get(`/api/mvno/${id}`, { headers: { Authorization: `Bearer ${token}` } })).json();
  expect(account.feature.roaming).toBe(false);
  expect(account.feature.data).toBe(true);
});

test('a port-in with the donor ICC and a chosen date', async ({ page }, testInfo) => {
  // Numbers held by TDC Mobil that the demo lookup knows: one per project.
  const number = pick(testInfo, '40 11 11 11', '40 66 66 66');
  const donorPrefix = pick(testInfo, '894501', '894501');
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  await page.getByLabel('Keep my number').check();
  await page.getByLabel('Number to keep').fill(number);
  if (jsOn(testInfo)) {
    // The live check says it will be ported, and from whom.
    await expect(page.getByTestId('number-check')).toContainText(pick(testInfo, 'is with TDC Mobil', 'is with Lebara Mobile'));
  }
  await next(page, 'SIM card');
  await page.getByLabel('eSIM', { exact: true }).check();
  await page.getByLabel('TDC').check();
  await next(page, 'Rate plan and features');
  await page.getByRole('radio', { name: /Fri tale \+ 10 GB/ }).check();
  await next(page, 'Porting');
  await expect(page.getByRole('status').filter({ hasText: 'will be moved here' })).toBeVisible();
  await shot(page, testInfo, 'wizard-porting');
  await checkA11y(page, testInfo, 'porting step');
  await page.getByLabel('ICC number of the SIM card used today').fill(demoIcc(donorPrefix, pick(testInfo, 5001, 5002)));
  const when = page.getByLabel('When should the number move?');
  const third = await when.locator('option').nth(3).getAttribute('value');
  const thirdInWords = (await when.locator('option').nth(3).textContent())!.trim();
  expect(thirdInWords).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} [A-Z][a-z]+ 20\d\d$/);
  await when.selectOption(third!);
  await next(page, 'Extras');
  await next(page, 'Check your answers');
  // The date in words, never as the code it travels as.
  await expect(page.getByText(thirdInWords)).toBeVisible();
  await expect(page.getByText(third!)).toHaveCount(0);
  await page.getByRole('button', { name: 'Confirm and create subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription is created' })).toBeVisible();
  // The stage in words; its code only behind "Technical details".
  await expect(page.getByTestId('porting-stage')).toHaveText('Received: we will send the request to the current operator.');
  await expect(page.getByTestId('porting-stage-code')).toBeHidden();
  // Not "Active" while the number is still with the donor: where it is, in words.
  await expect(page.getByTestId('account-status')).toHaveText(
    /^The number moves here from .+ on \w+ \d{1,2} \w+ \d{4} at 02:00$/,
  );
  await expect(page.getByText(pick(testInfo, 'TDC Mobil', 'Lebara Mobile'), { exact: true })).toBeVisible();
});

test('a blocked customer is refused on the customer step with what to do', async ({ page }, testInfo) => {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  await page.getByRole('link', { name: 'New subscription' }).click();
  await page.getByLabel('Vestjysk VVS A/S (blocked)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Found at once, before any other answer is asked for.
  await expect(page.getByRole('heading', { level: 1, name: 'Choose the customer' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('is blocked');
  await expect(page.locator('#customer-error')).toContainText('Ask the operator to lift the block');
});

test('a number in use is refused on the number step with what to do', async ({ page }, testInfo) => {
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  await page.getByLabel('Keep my number').check();
  await page.getByLabel('Number to keep').fill('20 30 00 01');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phone number' })).toBeVisible();
  await expect(page.locator('#keepnumber-error')).toContainText('already in use');
  await expect(page.locator('#keepnumber-error')).toContainText('Get a new number');
});

test('a wrong check digit is a warning on the SIM step; Continue again goes on', async ({ page }, testInfo) => {
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  await pickNumber(page, pick(testInfo, '+4520100006', '+4520100007'), testInfo);
  await next(page, 'SIM card');
  await page.getByLabel('Physical SIM card from stock').check();
  const good = demoIcc('8945550', pick(testInfo, 5, 6));
  const wrong = good.slice(0, -1) + String((Number(good.slice(-1)) + 1) % 10);
  await page.getByLabel('ICC number of the physical SIM card').fill(wrong);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SIM card' })).toBeVisible();
  await expect(page.locator('#icc-error')).toContainText('press Continue again');
  await expect(page.getByLabel('ICC number of the physical SIM card')).toHaveValue(wrong);
  await next(page, 'Rate plan and features');
});

test('data-sharing SIM cards get their own numbers', async ({ page }, testInfo) => {
  const number = pick(testInfo, '+4520100010', '+4520100011');
  const grouped = number.replace(/^\+45(\d\d)(\d\d)(\d\d)(\d\d)$/, '+45 $1 $2 $3 $4');
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  await pickNumber(page, number, testInfo);
  await next(page, 'SIM card');
  await page.getByLabel('Physical SIM card from stock').check();
  await page.getByLabel('ICC number of the physical SIM card').fill(demoIcc('8945550', pick(testInfo, 9, 10)));
  await page.getByLabel('Data-sharing SIM 1', { exact: true }).selectOption('esim');
  await page.getByLabel('Data-sharing SIM 2', { exact: true }).selectOption('physical');
  await page.getByLabel('ICC of data-sharing SIM 2').fill(demoIcc('8945550', pick(testInfo, 7, 8)));
  await next(page, 'Rate plan and features');
  await page.getByRole('radio', { name: /Fri tale \+ 10 GB/ }).check();
  await next(page, 'Extras');
  await next(page, 'Check your answers');
  await page.getByRole('button', { name: 'Confirm and create subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription is created' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Data-sharing SIM cards' })).toBeVisible();
  await expect(page.locator('.sharing-list li')).toHaveCount(2);
  // The data-sharing eSIM can be installed too: its own QR code and links.
  const sharing = page.getByRole('region', { name: /^Install the data-sharing eSIM \+45/ });
  await expect(sharing).toHaveCount(1);
  await expect(sharing.getByRole('img', { name: /^QR code of the data-sharing eSIM \+45/ })).toBeVisible();
  await expect(sharing.getByRole('link', { name: 'Install on this iPhone' })).toHaveAttribute('href', /carddata=LPA/);
});

test('an owner is refused a reseller-only field with the right message', async ({ page }, testInfo) => {
  await signIn(page, 'owner@bagerjensen.dk', testInfo);
  const number = pick(testInfo, '+4520100012', '+4520100009');
  const key = Array.from({ length: 24 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  const answers = { key, mode: 'new', number, sim: 'esim', network: 'TDC', plan: 'd00000000000000000000001' };
  // Owners are not shown the extras step: a forged post of it.
  const res = await page.request.post('/new/step', {
    form: { ...answers, from: 'extras', to: 'review', notes: 'Kun for forhandlere' },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  await open(page, res.headers()['location'], testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm and create subscription' }).click();
  await expect(page.getByRole('alert')).toContainText('Your access does not allow this');
  await expect(page.getByRole('alert')).not.toContainText('Insufficient access level');
});

test('after each step change the new step heading has the focus @js', async ({ page }, testInfo) => {
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e ? `${e.tagName} ${e.textContent?.trim()}` : 'none';
  });
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  await expect(page.locator('body[data-step-ready="number"]')).toBeAttached();
  await expect.poll(focused).toBe('H1 Phone number');
  await page.getByLabel('Get a new number').check();
  await page.getByRole('radio', { name: /\+45 20 10 00 0/ }).first().check();
  await next(page, 'SIM card');
  await expect(page.locator('body[data-step-ready="sim"]')).toBeAttached();
  await expect.poll(focused).toBe('H1 SIM card');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.locator('body[data-step-ready="number"]')).toBeAttached();
  await expect.poll(focused).toBe('H1 Phone number');
});

test('steps, searches, Back and the menu change the page without a reload @js', async ({ page }, testInfo) => {
  await startAsReseller(page, testInfo, 'Bager Jensen ApS');
  // A value on the page's window lives only as long as the document: a
  // reload would lose it.
  await page.evaluate(() => { (window as any).__samePage = 'yes'; });
  const samePage = () => page.evaluate(() => (window as any).__samePage ?? 'reloaded');
  await pickNumber(page, '+4520100005', testInfo);
  await next(page, 'SIM card');
  await expect(page).toHaveURL(/\/new\/sim\?/);
  await expect(page.locator('body[data-step-ready="sim"]')).toBeAttached();
  // The new step's island checks the ICC as it is typed, in the browser.
  await page.getByLabel('Physical SIM card from stock').check();
  const icc = page.getByLabel('ICC number of the physical SIM card');
  const live = page.locator('.field', { has: icc }).locator('.live-hint');
  await icc.pressSequentially(demoIcc('8945550', 9));
  await expect(live).toHaveText('Format and check digit are fine.');
  await icc.press('Backspace');
  await expect(live).not.toHaveText('Format and check digit are fine.');
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Phone number' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'SIM card' })).toBeVisible();
  // The menu's links too.
  await page.getByRole('link', { name: 'Subscriptions' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
  // Where a reload would start over, the focus goes to the new page's heading.
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeFocused();
  expect(await samePage()).toBe('yes');
});
