// SPDX-License-Identifier: GPL-3.0-or-later
// A real OpenID Connect provider (npm `oidc-provider`, certified) for Wirebench's OAuth tests.
//
//   node tests/peers/oidc-server.mjs [--access-token-ttl SECONDS]
//
// Listens on 127.0.0.1 on a free port and prints one JSON ready line with the port, the issuer and
// the endpoints. Clients:
//   - `wirebench-native`: application_type 'native', public (token_endpoint_auth_method 'none'),
//     redirect `http://127.0.0.1/callback` (any port accepted, RFC 8252 §7.3), PKCE S256 required,
//     refresh-token rotation on every use (a reused rotated refresh token revokes the grant);
//   - `wirebench-confidential`: the same with a client secret (client_secret_basic).
// Access tokens live --access-token-ttl seconds (default 60). devInteractions are on: any login
// and password sign in.
//
// Test controls (not part of OpenID Connect), on the same port:
//   POST /__control/outage?count=N[&retryAfter=S][&path=/token]
//                                    the next N requests to /token and /me (or only to `path`)
//                                    answer 503, with Retry-After: S when given
//   GET  /__control/stats            {"grants": {"authorization_code": n, "refresh_token": n},
//                                     "grantErrors": [{"grantType", "error", "description"}],
//                                     "revocations": n, "outageResponses": n}
import http from 'node:http';
import { parseArgs } from 'node:util';

import Provider from 'oidc-provider';

// oidc-provider prints its development notices with console.info (stdout); stdout carries only the
// ready line.
console.info = (...args) => console.error(...args);

const { values: options } = parseArgs({
    options: { 'access-token-ttl': { type: 'string', default: '60' } },
});
const accessTokenTtl = Number.parseInt(options['access-token-ttl'], 10);
if (!Number.isInteger(accessTokenTtl) || accessTokenTtl <= 0) {
    process.stderr.write(`--access-token-ttl expects a positive number of seconds\n`);
    process.exit(2);
}

const stats = {
    grants: { authorization_code: 0, refresh_token: 0 },
    grantErrors: [],
    revocations: 0,
    outageResponses: 0,
};
let outage = { remaining: 0, retryAfter: null, paths: ['/token', '/me'] };

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const issuer = `http://127.0.0.1:${port}`;

const nativeClient = {
    client_id: 'wirebench-native',
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    redirect_uris: ['http://127.0.0.1/callback'],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
};

const provider = new Provider(issuer, {
    clients: [
        nativeClient,
        {
            ...nativeClient,
            client_id: 'wirebench-confidential',
            client_secret: 'wirebench-confidential-secret',
            token_endpoint_auth_method: 'client_secret_basic',
        },
    ],
    pkce: { required: () => true },
    features: {
        devInteractions: { enabled: true },
        revocation: { enabled: true },
    },
    ttl: {
        AccessToken: accessTokenTtl,
        AuthorizationCode: 120,
        IdToken: 3600,
        RefreshToken: 24 * 3600,
        Grant: 24 * 3600,
        Interaction: 600,
        Session: 3600,
    },
    rotateRefreshToken: () => true,
    cookies: { keys: ['wirebench-test-cookie-key'] },
    findAccount: (_ctx, accountId) => ({
        accountId,
        claims: () => ({ sub: accountId }),
    }),
});

provider.on('grant.success', (ctx) => {
    const grantType = ctx.oidc.params.grant_type;
    stats.grants[grantType] = (stats.grants[grantType] ?? 0) + 1;
});
provider.on('grant.error', (ctx, error) => {
    stats.grantErrors.push({
        grantType: ctx.oidc.params?.grant_type ?? null,
        error: error.error ?? error.message,
        description: error.error_description ?? null,
    });
});
provider.on('grant.revoked', () => {
    stats.revocations += 1;
});
// Keep the test log readable: expected errors (invalid_grant…) are asserted by the tests.
provider.on('server_error', (_ctx, error) => process.stderr.write(`server_error: ${error.stack}\n`));

const providerCallback = provider.callback();
server.on('request', (request, response) => {
    const url = new URL(request.url, issuer);
    if (url.pathname === '/__control/outage' && request.method === 'POST') {
        const path = url.searchParams.get('path');
        outage = {
            remaining: Number.parseInt(url.searchParams.get('count') ?? '1', 10),
            retryAfter: url.searchParams.get('retryAfter'),
            paths: path ? [path] : ['/token', '/me'],
        };
        response.writeHead(204).end();
        return;
    }
    if (url.pathname === '/__control/stats') {
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(stats));
        return;
    }
    if (outage.remaining > 0 && outage.paths.includes(url.pathname)) {
        outage.remaining -= 1;
        stats.outageResponses += 1;
        request.resume();
        const headers = { 'content-type': 'text/plain' };
        if (outage.retryAfter !== null)
            headers['retry-after'] = outage.retryAfter;
        response.writeHead(503, headers).end('temporarily unavailable (test outage)');
        return;
    }
    providerCallback(request, response);
});

const endpoint = (path) => `${issuer}${path}`;
process.stdout.write(`${JSON.stringify({
    port,
    issuer,
    authorization_endpoint: endpoint('/auth'),
    token_endpoint: endpoint('/token'),
    userinfo_endpoint: endpoint('/me'),
    revocation_endpoint: endpoint('/token/revocation'),
    access_token_ttl: accessTokenTtl,
})}\n`);

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
