import { expect, test } from './fixtures';
import { checkA11y, jsOn, next, open, pickNumber, shot, signupLink } from './helpers';

// The private customer's signup, read in Danish (the browser asks for it).
test.use({ viewport: { width: 390, height: 844 }, locale: 'da-DK' });

test('a private customer signs up, confirms identity and gets an eSIM on a phone-sized screen', async ({ page }, testInfo) => {
  const js = testInfo.project.name === 'js';
  const email = `mette.${testInfo.project.name}@eksempel.dk`;
  await open(page, '/signup', testInfo);
  // The reseller's brand from the first page on.
  await expect(page.getByText('Få et mobilabonnement hos Nordlys Telecom ApS.', { exact: false })).toBeVisible();
  await checkA11y(page, testInfo, 'signup');
  await shot(page, testInfo, 'signup-start');
  await page.getByLabel('Fulde navn').fill('Mette Signup');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('hemmelig-kode-123');
  await page.getByRole('button', { name: 'Opret login og fortsæt' }).click();

  // The link to go on arrives by e-mail.
  await expect(page.getByRole('heading', { level: 1, name: 'Tjek din e-mail' })).toBeVisible();
  await checkA11y(page, testInfo, 'signup sent');
  const link = new URL(await signupLink(email));
  await open(page, link.pathname + link.search, testInfo);
  await expect(page.getByRole('heading', { level: 1, name: 'Bekræft din e-mailadresse' })).toBeVisible();
  await page.getByRole('button', { name: 'Bekræft og fortsæt' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Bekræft hvem du er' })).toBeVisible();
  await expect(page.getByText('Test-erstatning for MitID.')).toBeVisible();
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-portal-ready="true"]')).toBeAttached();
  }
  await checkA11y(page, testInfo, 'identity');
  await shot(page, testInfo, 'signup-identity');
  await page.getByRole('button', { name: 'Bekræft med MitID (test)' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Telefonnummer' })).toBeVisible();
  // One step count from the signup's first page to the receipt.
  await expect(page.getByText('Trin 3 af 6')).toBeVisible();
  // Only TELENOR numbers when that network is asked for.
  await page.getByLabel('Net for det nye nummer').selectOption('TELENOR');
  await pickNumber(page, js ? '+4530100003' : '+4530100004', testInfo);
  await expect(page.getByRole('radio', { name: /\+45 20/ })).toHaveCount(0);
  await next(page, 'SIM-kort');
  // Only what an owner may choose in self-service.
  await expect(page.getByLabel('Fysisk SIM-kort fra lageret')).toHaveCount(0);
  // Data-sharing SIMs too: eSIMs only, no ICC to type.
  await expect(page.getByLabel('Datadelings-SIM 1', { exact: true }).locator('option[value="physical"]')).toHaveCount(0);
  await expect(page.getByLabel('ICC på datadelings-SIM 1')).toHaveCount(0);
  await page.getByLabel('eSIM', { exact: true }).check();
  await page.getByLabel('TELENOR').check();
  await next(page, 'Abonnement og tjenester');
  await expect(page.getByRole('radio', { name: /Erhverv Total/ })).toHaveCount(0);
  await page.getByRole('radio', { name: /Fri tale \+ 10 GB/ }).check();
  await next(page, 'Tjek dine svar');
  // Plan and price in words, in Danish.
  await expect(page.getByText(/Fri tale \+ 10 GB \([\d.]+,\d\d kr\.\/md\.\)/)).toBeVisible();
  await expect(page.locator('main')).not.toContainText(/Continue|Change|Step|Features|Rate plan/);
  await checkA11y(page, testInfo, 'signup review');
  await page.getByRole('button', { name: 'Bekræft og opret abonnementet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dit abonnement er oprettet' })).toBeVisible();
  await expect(page.getByRole('img', { name: "QR-kode med eSIM'ets aktiveringskode" })).toBeVisible();
  // The receipt says what happens next; on a phone installing is the main button.
  await expect(page.getByRole('heading', { level: 2, name: 'Det sker nu' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Installer eSIM' })).toBeVisible();
  // A consumer meets the reseller's brand and no access level.
  await expect(page.getByRole('banner')).toContainText('Nordlys Telecom ApS');
  await expect(page.getByRole('banner')).not.toContainText(/Ejer|Owner|Telecom X-portalen/);
  await shot(page, testInfo, 'signup-result');
  // Nothing is wider than the screen.
  if (jsOn(testInfo)) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    expect(overflow).toBe(false);
  }
});

test('a signup with a short password keeps what was typed and says why', async ({ page }, testInfo) => {
  await open(page, '/signup', testInfo);
  await page.getByLabel('Fulde navn').fill('Kort Kode');
  await page.getByLabel('E-mail').fill(`kort.${testInfo.project.name}@eksempel.dk`);
  await page.getByLabel('Adgangskode').fill('kort');
  // The browser's own minlength check would stop the form; bypass it to see the server's answer.
  await page.locator('form[action="/signup"]').evaluate((f) => f.setAttribute('novalidate', ''));
  await page.getByRole('button', { name: 'Opret login og fortsæt' }).click();
  await expect(page.getByRole('alert')).toContainText('mellem 10 og 256 tegn');
  await expect(page.getByLabel('Fulde navn')).toHaveValue('Kort Kode');
  await expect(page).toHaveTitle(/^Fejl: /);
});

test('a SIM card sent by post asks where to, and a port-in waits for it', async ({ page }, testInfo) => {
  const email = `post.${testInfo.project.name}@eksempel.dk`;
  await open(page, '/signup', testInfo);
  await page.getByLabel('Fulde navn').fill('Poul Post');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill('hemmelig-kode-123');
  await page.getByRole('button', { name: 'Opret login og fortsæt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tjek din e-mail' })).toBeVisible();
  const link = new URL(await signupLink(email));
  await open(page, link.pathname + link.search, testInfo);
  await page.getByRole('button', { name: 'Bekræft og fortsæt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bekræft hvem du er' })).toBeVisible();
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-portal-ready="true"]')).toBeAttached();
  }
  await page.getByRole('button', { name: 'Bekræft med MitID (test)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Telefonnummer' })).toBeVisible();
  if (jsOn(testInfo)) {
    await expect(page.locator('body[data-step-ready="number"]')).toBeAttached();
  }
  await page.getByLabel('Behold mit nummer').check();
  await page.getByLabel('Nummer der skal beholdes').fill(testInfo.project.name === 'js' ? '40 33 33 33' : '40 44 44 44');
  await next(page, 'SIM-kort');
  await page.getByLabel('SIM-kort, der sendes med posten').check();
  await page.getByLabel('TDC').check();
  // No address yet: the step asks for one, in words that say what to do.
  await page.getByRole('button', { name: 'Fortsæt' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv den adresse, SIM-kortet skal sendes til');
  await page.getByLabel('Leveringsadresse').fill('Jægersborggade 5, 2200 København N');
  await next(page, 'Abonnement og tjenester');
  // A consumer is not offered business switches.
  await expect(page.getByLabel('Offentlig IP-adresse')).toHaveCount(0);
  await expect(page.getByLabel('Roamingpakke til resten af verden')).toHaveCount(0);
  await page.getByRole('radio', { name: /Fri tale \+ 10 GB/ }).check();
  await next(page, 'Flytning af nummeret');
  await expect(page.getByText(/Dit SIM-kort sendes med posten, så nummeret flyttes tidligst/)).toBeVisible();
  await shot(page, testInfo, 'signup-porting-posted');
  await next(page, 'Tjek dine svar');
  await expect(page.getByText('SIM-kort sendt med posten til Jægersborggade 5, 2200 København N, på TDC')).toBeVisible();
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('the signup speaks English to a browser that asks for it', async ({ page }, testInfo) => {
    await open(page, '/signup', testInfo);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign up as a customer' })).toBeVisible();
    await expect(page.getByText('Step 1 of 6')).toBeVisible();
    await expect(page.getByText('Get a mobile subscription from Nordlys Telecom ApS.', { exact: false })).toBeVisible();
    await expect(page.getByLabel('Full name')).toBeVisible();
    await expect(page.locator('main')).not.toContainText(/Opret|Fulde navn|Adgangskode|Trin/);
    await checkA11y(page, testInfo, 'signup in English');
    await shot(page, testInfo, 'signup-start-en');
  });
});
