// SPDX-License-Identifier: GPL-3.0-or-later
// A scripted user agent for oidc-provider's devInteractions pages, without a browser: signs in and
// consents with plain HTTP (fetch, manual redirects, a cookie jar), then follows the redirect to
// Wirebench's loopback listener. For tests that need a real grant from tests/peers/oidc-server.mjs
// quickly (the refresher's); the authorization flow's own tests use Chromium
// (oauth-browser.mjs). Same interface as oauth-browser.mjs:
//
//   node oidc-login.mjs <authorization URL>
//   → {"callbackUrl": "…", "status": 200, "pageText": "…"}
//
// WB_BROWSER_LOGIN chooses the account (default "alice"). Exits 1 on any unexpected step.
const target = process.argv.at(-1);
if (process.argv.length < 3 || !/^https?:\/\//.test(target)) {
    process.stderr.write('usage: oidc-login.mjs <authorization URL>\n');
    process.exit(1);
}
const login = process.env.WB_BROWSER_LOGIN || 'alice';
const redirectUri = new URL(new URL(target).searchParams.get('redirect_uri') ?? '');

const cookies = new Map();
function remember(response) {
    for (const header of response.headers.getSetCookie()) {
        const [pair] = header.split(';');
        const index = pair.indexOf('=');
        cookies.set(pair.slice(0, index).trim(), pair.slice(index + 1).trim());
    }
}
const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');

async function request(url, options = {}) {
    const response = await fetch(url, {
        ...options,
        redirect: 'manual',
        headers: { ...(options.headers ?? {}), cookie: cookieHeader() },
    });
    remember(response);
    return response;
}

// Follows redirects until one leaves the provider (the loopback redirect) or a page is shown.
async function follow(url, options) {
    let response = await request(url, options);
    let current = new URL(url);
    while (response.status >= 300 && response.status < 400) {
        const next = new URL(response.headers.get('location'), current);
        if (next.origin === redirectUri.origin && next.pathname === redirectUri.pathname)
            return { redirect: next };
        await response.arrayBuffer();
        current = next;
        response = await request(next);
    }
    return { page: current, html: await response.text(), status: response.status };
}

function submit(page, fields) {
    return follow(page, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
    });
}

try {
    let step = await follow(target);
    for (let pages = 0; !step.redirect; ++pages) {
        if (pages > 4 || step.status !== 200)
            throw new Error(`unexpected page ${step.page} (HTTP ${step.status}): ${step.html.slice(0, 300)}`);
        if (step.html.includes('name="prompt" value="login"'))
            step = await submit(step.page, { prompt: 'login', login, password: 'any password' });
        else if (step.html.includes('name="prompt" value="consent"'))
            step = await submit(step.page, { prompt: 'consent' });
        else
            throw new Error(`no login or consent form on ${step.page}: ${step.html.slice(0, 300)}`);
    }
    const callback = await fetch(step.redirect, { redirect: 'manual' });
    process.stdout.write(`${JSON.stringify({
        callbackUrl: step.redirect.toString(),
        status: callback.status,
        pageText: await callback.text(),
    })}\n`);
} catch (error) {
    process.stderr.write(`oidc-login: ${error.stack ?? error}\n`);
    process.exit(1);
}
