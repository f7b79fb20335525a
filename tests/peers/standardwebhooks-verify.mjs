// SPDX-License-Identifier: GPL-3.0-or-later
// Verifies requests with the official Standard Webhooks library (npm standardwebhooks), for
// tests/core/dispatch/tst_dispatcher.cpp: the dispatcher's signatures must pass the reference
// verifier, timestamp tolerance (±5 min against the real clock) included.
//
// stdin:  {"secret": "whsec_…", "requests": [{"headers": {"webhook-id": "…", …},
//          "bodyBase64": "…"}, …]}
// stdout: {"results": [{"ok": true} | {"error": "…"}]}, one per request, in order.
import { readFileSync } from 'node:fs';
import standardwebhooks from 'standardwebhooks';

const { Webhook } = standardwebhooks;
const input = JSON.parse(readFileSync(0, 'utf8'));
const webhook = new Webhook(input.secret);
const results = input.requests.map(({ headers, bodyBase64 }) => {
    try {
        webhook.verify(Buffer.from(bodyBase64, 'base64'), headers, { jsonParse: false });
        return { ok: true };
    } catch (error) {
        return { error: String(error && error.message ? error.message : error) };
    }
});
process.stdout.write(JSON.stringify({ results }) + '\n');
