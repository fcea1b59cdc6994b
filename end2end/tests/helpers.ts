import { expect, Page, TestInfo } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';

/** Whether this project runs with JavaScript on. */
export function jsOn(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Opens a page and, with JavaScript on, waits until the app has hydrated
 *  (a click before hydration would be lost). */
export async function open(page: Page, path: string, testInfo: TestInfo) {
  await page.goto(path);
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-hydrated="true"]')).toBeAttached();
  }
}

export async function signIn(page: Page, username: string, testInfo: TestInfo) {
  await open(page, '/login', testInfo);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
