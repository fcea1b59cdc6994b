import { execFileSync } from 'child_process';
import { expect, test } from './fixtures';
import { signIn } from './helpers';

// What a phone downloads to run a page: the wasm its scripts load, at most
// 200,000 bytes compressed with gzip -9 (the release build: `scripts/test.sh`
// runs the suite on it). The signup's pages load none.
const WASM_BUDGET_GZIP = 200_000;

/** The wasm a page's scripts load (its preload link), if any. */
async function wasmOf(html: string): Promise<string | undefined> {
  return html.match(/<link rel="preload" href="([^"]+\.wasm)"/)?.[1];
}

// Measured once, in the JavaScript-on project (@js).
test('the wasm of the largest page is within its budget, and the signup loads none @js', async ({ page, request }, testInfo) => {
  await signIn(page, 'reseller@nordlys.dk', testInfo);
  const wizard = await page.request.get('/new/number');
  expect(wizard.status()).toBe(200);
  const wasm = await wasmOf(await wizard.text());
  expect(wasm, 'the wizard loads the app').toBeTruthy();
  const body = await (await request.get(wasm!, { headers: { 'Accept-Encoding': 'identity' } })).body();
  expect(body.subarray(0, 4).toString('hex'), 'a wasm module').toBe('0061736d');
  const gzipped = execFileSync('gzip', ['-9', '-n', '-c'], { input: body }).length;
  console.log(`wasm ${wasm}: ${body.length} bytes, ${gzipped} gzip -9`);
  expect(gzipped, `gzip -9 size of ${wasm}`).toBeLessThanOrEqual(WASM_BUDGET_GZIP);

  for (const path of ['/signup', '/login']) {
    const html = await (await request.get(path)).text();
    expect(await wasmOf(html), `${path} loads no wasm`).toBeUndefined();
    expect(html, `${path} loads no module script`).not.toMatch(/<script[^>]+src=/);
  }
});
