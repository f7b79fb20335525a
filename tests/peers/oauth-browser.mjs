// SPDX-License-Identifier: GPL-3.0-or-later
// The "system browser" for Wirebench's OAuth tests: Debian's Chromium, headless, driven by
// playwright-core. Wirebench's BrowserLauncher runs it with the authorization URL appended:
//
//   WIREBENCH_BROWSER="node tests/peers/oauth-browser.mjs" → node oauth-browser.mjs <url>
//
// It opens the URL, signs in on oidc-provider's devInteractions pages and consents (or cancels),
// follows the redirect to Wirebench's loopback listener and prints one JSON line on stdout:
//   {"callbackUrl": "http://127.0.0.1:<port>/callback?code=…", "status": 200,
//    "pageText": "…what Wirebench's page said…"}
//
// Behaviour is chosen through the environment (the launcher appends only the URL):
//   WB_BROWSER_LOGIN         the account to sign in as (default "alice")
//   WB_BROWSER_ACTION        "consent" (default) or "deny" (press [ Cancel ] on the login page)
//   WB_BROWSER_TAMPER_STATE  when set, replaces the `state` parameter of the URL with this value
//                            before opening it (an authorization Wirebench did not start)
//   WB_CHROMIUM              the browser binary (default /usr/bin/chromium)
// Exits 1 with a message on stderr when something fails, 2 when Chromium is missing.
import { mkdtemp, rm, access } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

const executablePath = process.env.WB_CHROMIUM || '/usr/bin/chromium';
const login = process.env.WB_BROWSER_LOGIN || 'alice';
const action = process.env.WB_BROWSER_ACTION || 'consent';
const tamperedState = process.env.WB_BROWSER_TAMPER_STATE;

const target = process.argv.at(-1);
if (process.argv.length < 3 || !/^https?:\/\//.test(target)) {
    process.stderr.write('usage: oauth-browser.mjs <authorization URL>\n');
    process.exit(1);
}
try {
    await access(executablePath, constants.X_OK);
} catch {
    process.stderr.write(`Chromium is missing: ${executablePath} is not an executable ` +
                         `(install the Debian package "chromium")\n`);
    process.exit(2);
}

const authorizationUrl = new URL(target);
if (tamperedState !== undefined)
    authorizationUrl.searchParams.set('state', tamperedState);
const redirectUri = new URL(authorizationUrl.searchParams.get('redirect_uri') ?? '');
const isLoopback = (url) => url.hostname === '127.0.0.1' || url.hostname === 'localhost';

const userDataDir = await mkdtemp(join(tmpdir(), 'wirebench-chromium-'));
let context;
try {
    context = await chromium.launchPersistentContext(userDataDir, {
        executablePath,
        headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
               '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    // The network is closed: oidc-provider's pages import a web font; refuse everything that is
    // not on the loopback interface instead of waiting for it to time out.
    await context.route('**/*', (route) => {
        const url = new URL(route.request().url());
        return isLoopback(url) ? route.continue() : route.abort();
    });
    const page = context.pages()[0] ?? await context.newPage();
    page.setDefaultTimeout(20000);

    const callbackReached = page.waitForResponse((response) => {
        const url = new URL(response.url());
        return url.origin === redirectUri.origin && url.pathname === redirectUri.pathname;
    });
    await page.goto(authorizationUrl.toString());

    if (action === 'deny') {
        await page.getByText('[ Cancel ]').click();
    } else if (action === 'consent') {
        await page.locator('input[name=login]').fill(login);
        await page.locator('input[name=password]').fill('any password');
        await page.locator('button[type=submit]').click();
        await page.locator('input[name=prompt][value=consent]').waitFor({ state: 'attached' });
        await page.locator('button[type=submit]').click();
    } else {
        throw new Error(`unknown WB_BROWSER_ACTION "${action}"`);
    }

    const response = await callbackReached;
    const pageText = await response.text();
    process.stdout.write(`${JSON.stringify({
        callbackUrl: response.url(),
        status: response.status(),
        pageText,
    })}\n`);
} catch (error) {
    process.stderr.write(`oauth-browser: ${error.stack ?? error}\n`);
    process.exitCode = 1;
} finally {
    await context?.close();
    await rm(userDataDir, { recursive: true, force: true });
}
