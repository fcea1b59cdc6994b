import { expect, test } from './fixtures';
import { checkA11y, jsOn, next, open, pickNumber, shot, signIn } from './helpers';

// The portal as a Danish browser asks for it: Danish from the first page to
// the receipt, with a switch to English that works without JavaScript.
test.use({ locale: 'da-DK' });

// Each project (JavaScript on / off) uses its own number.
const pick = <T>(testInfo: { project: { name: string } }, js: T, nojs: T) => (testInfo.project.name === 'js' ? js : nojs);

/** Waits for the app after a full page load (a posted form). */
async function loaded(page: import('@playwright/test').Page, testInfo: import('@playwright/test').TestInfo) {
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  }
}

test('the portal speaks Danish first, and its switch changes the language and returns to the page', async ({ page }, testInfo) => {
  await open(page, '/signup', testInfo);
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await expect(page.getByRole('heading', { level: 1, name: 'Opret dig som kunde' })).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign up as a customer' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveURL(/\/signup$/);
  await loaded(page, testInfo);
  // The choice is kept for the next page.
  await open(page, '/login', testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to the portal' })).toBeVisible();
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind på portalen' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a reseller creates a subscription in Danish, and meets no code and no English word', async ({ page }, testInfo) => {
    await signIn(page, 'reseller@nordlys.dk', testInfo);
    await expect(page.getByText('Forhandler', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Nyt abonnement' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Vælg kunden' })).toBeVisible();
    await shot(page, testInfo, 'da-wizard-customer');
    await checkA11y(page, testInfo, 'customer step in Danish');
    await page.getByLabel('Bager Jensen ApS').check();
    await next(page, 'Telefonnummer');
    await shot(page, testInfo, 'da-wizard-number');
    await pickNumber(page, pick(testInfo, '+4520100001', '+4520100008'), testInfo);
    await next(page, 'SIM-kort');
    await shot(page, testInfo, 'da-wizard-sim');
    await checkA11y(page, testInfo, 'SIM step in Danish');
    await page.getByLabel('eSIM', { exact: true }).check();
    await page.getByLabel('TDC', { exact: true }).check();
    await next(page, 'Abonnement og tjenester');
    await shot(page, testInfo, 'da-wizard-plan');
    await checkA11y(page, testInfo, 'plan step in Danish');
    await page.getByRole('radio', { name: /Fri tale \+ 10 GB/ }).check();
    // The order so far, below the form on a phone, with the monthly price.
    const summary = page.getByRole('complementary', { name: 'Din bestilling' });
    await expect(summary).toContainText('Bager Jensen ApS');
    const continueBox = (await page.getByRole('button', { name: 'Fortsæt' }).boundingBox())!;
    expect((await summary.boundingBox())!.y).toBeGreaterThan(continueBox.y);
    await next(page, 'Ekstra');
    await shot(page, testInfo, 'da-wizard-extras');
    // The start date is typed as Danes write it, and checked in Danish.
    await page.getByLabel('Startdato (tom: i dag)').fill('1-1-2020');
    await page.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(page.getByRole('alert')).toContainText('Startdatoen skal være i dag eller senere.');
    await page.getByLabel('Startdato (tom: i dag)').fill('');
    await next(page, 'Tjek dine svar');
    await shot(page, testInfo, 'da-wizard-review');
    await checkA11y(page, testInfo, 'review in Danish');
    await expect(page.getByText('Fri tale + 10 GB (129,00 kr./md.)')).toBeVisible();
    await expect(page.locator('main')).not.toContainText(/Continue|Change|Features|Rate plan|Step \d|TRUE|FALSE|d0000/, { useInnerText: true });
    await page.getByRole('button', { name: 'Bekræft og opret abonnementet' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dit abonnement er oprettet' })).toBeVisible();
    await expect(page.getByTestId('monthly-price')).toHaveText('129,00 kr./md.');
    await expect(page.getByRole('button', { name: 'Installer eSIM' }).or(page.getByRole('heading', { name: 'Installer eSIM' }))).toBeVisible();
    if (jsOn(testInfo)) {
      await expect(page.getByTestId('account-status')).toHaveText('Aktiv', { timeout: 15_000 });
    } else {
      await expect(page.getByTestId('account-status')).toHaveText(/Aktiveres|Aktiv/);
    }
    // Raw states stay behind "Tekniske detaljer" (closed: not read as text).
    await expect(page.locator('main')).not.toContainText(/\bSubscription\b|\bInstall\b|\bActive\b|CREATING|ACTIVE/, { useInnerText: true });
    await shot(page, testInfo, 'da-wizard-receipt');
    await checkA11y(page, testInfo, 'receipt in Danish');
  });
});

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the order summary stays beside the form', async ({ page }, testInfo) => {
    await signIn(page, 'reseller@nordlys.dk', testInfo);
    await page.getByRole('link', { name: 'Nyt abonnement' }).click();
    await page.getByLabel('Bager Jensen ApS').check();
    await next(page, 'Telefonnummer');
    const summary = page.getByRole('complementary', { name: 'Din bestilling' });
    const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
    const box = (await summary.boundingBox())!;
    expect(box.x).toBeGreaterThan(heading.x + 400);
    expect(box.y).toBeLessThan(heading.y + 200);
    // No price before a plan is chosen.
    await expect(summary.getByRole('status')).toHaveText('');
    await shot(page, testInfo, 'da-wizard-number-desktop');
  });
});
