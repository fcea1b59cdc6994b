import { expect, Page, TestInfo } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';

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

/** The words the helpers act on, in each language of the portal. */
const WORDS = {
  en: {
    username: 'Username', password: 'Password', signIn: 'Sign in', continue: 'Continue',
    search: 'Search', searchDigits: 'Search new numbers by digits', newNumber: 'Get a new number',
  },
  da: {
    username: 'Brugernavn', password: 'Adgangskode', signIn: 'Log ind', continue: 'Fortsæt',
    search: 'Søg', searchDigits: 'Søg nye numre på cifre', newNumber: 'Få et nyt nummer',
  },
};

/** The words of the page's language (its `<html lang>`). */
export async function wordsOf(page: Page) {
  const lang = await page.locator('html').getAttribute('lang');
  return lang === 'en' ? WORDS.en : WORDS.da;
}

export async function signIn(page: Page, username: string, testInfo: TestInfo) {
  await open(page, '/login', testInfo);
  const w = await wordsOf(page);
  await page.getByLabel(w.username).fill(username);
  await page.getByLabel(w.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: w.signIn, exact: true }).click();
  // The sign-in is a full page load: wait for the portal to be ready again.
  await expect(page.getByTestId('signed-in-user')).toBeVisible();
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-portal-ready="true"]')).toBeAttached();
  }
}

/** The signup link in the newest e-mail the server wrote to `email`. */
export async function signupLink(email: string): Promise<string> {
  const dir = path.resolve(__dirname, '..', '..', process.env.E2E_MAIL_DIR ?? '');
  let link = '';
  await expect
    .poll(() => {
      const mails = fs.existsSync(dir)
        ? fs
            .readdirSync(dir)
            .filter((f) => f.endsWith('.eml'))
            .map((f) => path.join(dir, f))
            .filter((f) => fs.readFileSync(f, 'utf8').includes(`To: ${email}`))
            .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
        : [];
      // The body is quoted-printable: undo its soft line breaks and `=3D`.
      const newest = mails.length
        ? fs.readFileSync(mails[mails.length - 1], 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=')
        : '';
      link = newest.match(/https?:\/\/\S+\/signup\/confirm\?token=[0-9a-f]{64}/)?.[0] ?? '';
      return link;
    }, { message: `a signup e-mail to ${email}` })
    .not.toBe('');
  return link;
}

/** A Luhn-valid demo ICC, as the demo data makes them (prefix + serial + check digit). */
export function demoIcc(prefix: string, serial: number): string {
  const body = prefix + String(serial).padStart(18 - prefix.length, '0');
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}

/** Presses Continue and waits for the next step's heading. */
export async function next(page: Page, heading: string | RegExp) {
  await page.getByRole('button', { name: (await wordsOf(page)).continue }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

export async function shot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: `screenshots/${testInfo.project.name}-${name}.png`, fullPage: true });
}

import AxeBuilder from '@axe-core/playwright';

/** No serious or critical accessibility violations on the page as it is
 *  (checked in the JavaScript-on project). */
export async function checkA11y(page: Page, testInfo: TestInfo, where: string) {
  // axe runs as a script in the page: only where the page runs scripts. The
  // markup is the same server-rendered HTML in both projects.
  if (!jsOn(testInfo)) return;
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(bad, `accessibility on ${where}`).toEqual([]);
}

/** Searches the new numbers by digits and picks the one shown. */
export async function pickNumber(page: Page, number: string, testInfo: TestInfo) {
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-step-ready="number"]')).toBeAttached();
  }
  const digits = number.replace(/^\+45/, '');
  const w = await wordsOf(page);
  await page.getByLabel(w.searchDigits).fill(digits);
  await page.getByRole('button', { name: w.search, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`digits=${digits}`));
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-step-ready="number"]')).toBeAttached();
  }
  const grouped = number.replace(/^\+45(\d\d)(\d\d)(\d\d)(\d\d)$/, '+45 $1 $2 $3 $4');
  const tile = page.getByRole('radio', { name: new RegExp(grouped.replace(/\+/g, '\\+')) });
  await expect(tile).toBeVisible();
  await page.getByLabel(w.newNumber).check();
  await tile.check();
}
