import { expect, test } from './fixtures';
import { checkA11y, DEMO_PASSWORD, jsOn, open, signIn } from './helpers';

test('the demo reseller signs in and sees the portal start page', async ({ page }, testInfo) => {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toHaveText('Rasmus Nielsen');
  await expect(page.getByText('Reseller', { exact: true })).toBeVisible();
  // The reseller sees its customers' subscriptions from the demo data.
  await expect(page.getByRole('cell', { name: '+45 20 30 00 01' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Customers' })).toBeVisible();
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  } else {
    await expect(page.locator('body[data-hydrated]')).toHaveCount(0);
  }
  await page.screenshot({ path: `screenshots/${testInfo.project.name}-start-page.png`, fullPage: true });
  await checkA11y(page, testInfo, 'start page');
});

test('a wrong password is refused with a message', async ({ page }, testInfo) => {
  await open(page, '/login', testInfo);
  await checkA11y(page, testInfo, 'sign-in page');
  await page.getByLabel('Username').fill('reseller@nordlys.dk');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/login\?error=/);
  await expect(page.getByRole('alert')).toContainText('username or password is wrong');
  await expect(page).toHaveTitle(/^Error: /);
});

test('an anonymous visitor is sent to the sign-in page', async ({ page }, testInfo) => {
  await open(page, '/', testInfo);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Sign in to the portal' })).toBeVisible();
});

test('signing in from a bookmarked page returns to it', async ({ page }, testInfo) => {
  const account = '/accounts/ac0000000000000000000001';
  await open(page, account, testInfo);
  await expect(page).toHaveURL(/\/login\?next=%2Faccounts%2Fac0000000000000000000001$/);
  await page.getByLabel('Username').fill('reseller@nordlys.dk');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Username').fill('reseller@nordlys.dk');
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${account}$`));
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
});

test('an owner is refused the reseller customer list', async ({ page }, testInfo) => {
  await signIn(page, 'owner@bagerjensen.dk', testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Subscriptions' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Customers' })).toHaveCount(0);
  const response = await page.goto('/customers');
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible();
});

test('signing out ends the session', async ({ page }, testInfo) => {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await open(page, '/', testInfo);
  await expect(page).toHaveURL(/\/login$/);
});

test('a row of the subscription list opens the subscription', async ({ page }, testInfo) => {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  await page.getByRole('link', { name: '+45 20 30 00 01' }).click();
  await expect(page).toHaveURL(/\/accounts\/ac0000000000000000000001$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Subscription/ })).toBeVisible();
});
