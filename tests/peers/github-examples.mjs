// SPDX-License-Identifier: GPL-3.0-or-later
// Every example payload of @octokit/webhooks-examples (api.github.com, all event types), as the
// bytes GitHub would send (compact JSON), signed by @octokit/webhooks-methods.
//
//   node github-examples.mjs <secret> [<whsec_ secret> <unix seconds>]
// stdout: {"examples": [{"event", "index", "body_b64", "signature", "installation_id",
//                        "standard_signature"}, …]}
// installation_id is the decimal text of installation.id, or null when the payload has none.
// With the optional arguments each payload is also signed by the standardwebhooks SDK (message id
// "msg_<event>_<index>", the given timestamp), for the timestamp checks GitHub's scheme lacks.
import { createRequire } from 'node:module';

import { sign } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';

const require = createRequire(import.meta.url);
const events = require('@octokit/webhooks-examples/api.github.com/index.json');
const secret = process.argv[2];
if (!secret)
    throw new Error('usage: github-examples.mjs <secret>');

const standard = process.argv[3] ? new Webhook(process.argv[3]) : null;
const timestamp = new Date(Number(process.argv[4]) * 1000);

const examples = [];
for (const event of events) {
    for (const [index, payload] of event.examples.entries()) {
        const body = JSON.stringify(payload);
        examples.push({
            event: event.name,
            index,
            body_b64: Buffer.from(body, 'utf8').toString('base64'),
            signature: await sign(secret, body),
            installation_id: payload.installation?.id === undefined
                ? null : String(payload.installation.id),
            standard_signature: standard
                ? standard.sign(`msg_${event.name}_${index}`, timestamp, body) : null,
        });
    }
}
process.stdout.write(JSON.stringify({ examples }));
