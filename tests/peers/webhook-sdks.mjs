// SPDX-License-Identifier: GPL-3.0-or-later
// Official provider SDKs as signing and verifying peers for tst_peersignatures.
//
// stdin:  {"jobs": [{"op": "<sdk>.<sign|verify|…>", …}, …]}
// stdout: {"results": [ … one result per job, same order … ]}
// Bodies travel as base64 ("body_b64") so that their bytes are exact. A verify job answers
// {"valid": true|false, "error": "<message>"}; a sign job answers the SDK's header value.
import crypto from 'node:crypto';

import { sign as octokitSign, verify as octokitVerify } from '@octokit/webhooks-methods';
import Stripe from 'stripe';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import twilio from 'twilio';
import { isValidSlackRequest } from '@slack/bolt';
import { verifyKey } from 'discord-interactions';
import eventwebhook from '@sendgrid/eventwebhook';
import { Signature as HubSpotSignature } from '@hubspot/api-client/lib/src/utils/signature.js';
import '@shopify/shopify-api/adapters/web-api';
import { shopifyApi, ApiVersion } from '@shopify/shopify-api';
import { WebhooksHelper } from 'square';

const stripe = new Stripe('sk_test_wirebench_peer');
const bytes = (job) => Buffer.from(job.body_b64 ?? '', 'base64');
const text = (job) => bytes(job).toString('utf8');

async function verdict(check) {
    try {
        const valid = await check();
        return { valid: valid !== false };
    } catch (error) {
        return { valid: false, error: String(error?.message ?? error) };
    }
}

const ops = {
    // @octokit/webhooks-methods: sign(secret, payload) → "sha256=<hex>"; verify → boolean.
    'octokit.sign': (job) => octokitSign(job.secret, text(job)),
    'octokit.verify': (job) => verdict(() => octokitVerify(job.secret, text(job), job.signature)),

    // stripe-node: generateTestHeaderString → "t=…,v1=…"; constructEvent checks against receivedAt.
    'stripe.sign': (job) => stripe.webhooks.generateTestHeaderString({
        payload: text(job), secret: job.secret, timestamp: job.timestamp }),
    'stripe.verify': (job) => verdict(() => {
        stripe.webhooks.constructEvent(bytes(job), job.header, job.secret, job.tolerance,
                                       undefined, job.now_ms);
        return true;
    }),

    // standardwebhooks / svix: sign(msgId, Date, payload) → "v1,<b64>"; verify uses the real clock.
    'standardwebhooks.sign': (job) => new StandardWebhook(job.secret)
        .sign(job.id, new Date(job.timestamp * 1000), text(job)),
    'standardwebhooks.verify': (job) => verdict(() => {
        new StandardWebhook(job.secret).verify(text(job), job.headers);
        return true;
    }),
    'svix.sign': (job) => new SvixWebhook(job.secret)
        .sign(job.id, new Date(job.timestamp * 1000), text(job)),
    'svix.verify': (job) => verdict(() => {
        new SvixWebhook(job.secret).verify(text(job), job.headers);
        return true;
    }),

    // twilio-node: getExpectedTwilioSignature(token, url, params[, algorithm]); validateRequest…
    'twilio.sign': (job) => twilio.getExpectedTwilioSignature(job.token, job.url, job.params,
                                                              job.algorithm),
    'twilio.verify': (job) => verdict(() => twilio.validateRequest(
        job.token, job.signature, job.url, job.params, job.algorithm)),
    'twilio.verify_body': (job) => verdict(() => twilio.validateRequestWithBody(
        job.token, job.signature, job.url, text(job), job.algorithm)),

    // @slack/bolt: isValidSlackRequest (5 min tolerance against nowMilliseconds).
    'slack.verify': (job) => verdict(() => isValidSlackRequest({
        signingSecret: job.secret, body: text(job), nowMilliseconds: job.now_ms,
        headers: { 'x-slack-signature': job.signature,
                   'x-slack-request-timestamp': Number(job.timestamp) } })),

    // discord-interactions: verifyKey(raw body, hex signature, timestamp, hex public key).
    'discord.verify': (job) => verdict(() => verifyKey(bytes(job), job.signature, job.timestamp,
                                                       job.public_key)),

    // @sendgrid/eventwebhook: verifySignature(ECDSA key, payload, base64 DER sig, timestamp).
    'sendgrid.verify': (job) => verdict(() => {
        const ew = new eventwebhook.EventWebhook();
        return ew.verifySignature(ew.convertPublicKeyToECDSA(job.public_key), text(job),
                                  job.signature, job.timestamp);
    }),

    // @hubspot/api-client Signature: getSignature / isValid for v1, v2, v3.
    'hubspot.sign': (job) => HubSpotSignature.getSignature(job.method, job.version, {
        clientSecret: job.secret, requestBody: text(job), url: job.url, timestamp: job.timestamp }),
    'hubspot.verify': (job) => verdict(() => HubSpotSignature.isValid({
        signatureVersion: job.version, signature: job.signature, clientSecret: job.secret,
        requestBody: text(job), url: job.url, method: job.method,
        timestamp: job.timestamp === undefined ? undefined : Number(job.timestamp) })),

    // @shopify/shopify-api: webhooks.validate on a web-api Request.
    'shopify.verify': async (job) => {
        const shopify = shopifyApi({ apiKey: 'wirebench', apiSecretKey: job.secret,
                                     scopes: ['read_products'], hostName: 'wirebench.example',
                                     apiVersion: ApiVersion.January25, isEmbeddedApp: false,
                                     logger: { level: 0, log: () => {} } });
        const request = new Request('https://wirebench.example/hooks', {
            method: 'POST', body: bytes(job), headers: job.headers });
        const result = await shopify.webhooks.validate({ rawBody: text(job), rawRequest: request });
        return { valid: result.valid === true, error: result.valid ? undefined : result.reason };
    },

    // square: WebhooksHelper.verifySignature({requestBody, signatureHeader, signatureKey, url}).
    'square.verify': (job) => verdict(() => WebhooksHelper.verifySignature({
        requestBody: text(job), signatureHeader: job.signature, signatureKey: job.key,
        notificationUrl: job.url })),

    // Node's own crypto (OpenSSL): an independent HMAC over exact bytes (the SDKs above take
    // strings and decode bytes as UTF-8), key pairs and signatures for the SDK checks.
    'crypto.hmac': (job) => crypto.createHmac(job.algorithm, Buffer.from(job.key_b64, 'base64'))
        .update(bytes(job)).digest(job.encoding),
    'keys.ec_p256': () => {
        const { publicKey, privateKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
        return { public_der_b64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
                 private_der_b64: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64') };
    },
    'keys.ed25519': () => {
        const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
        const jwk = privateKey.export({ format: 'jwk' });
        return { public_hex: Buffer.from(jwk.x, 'base64url').toString('hex'),
                 private_seed_hex: Buffer.from(jwk.d, 'base64url').toString('hex') };
    },
    'ed25519.sign': (job) => {
        const key = crypto.createPrivateKey({ format: 'jwk', key: { kty: 'OKP', crv: 'Ed25519',
            d: Buffer.from(job.private_seed_hex, 'hex').toString('base64url'),
            x: Buffer.from(job.public_hex, 'hex').toString('base64url') } });
        return crypto.sign(null, Buffer.concat([Buffer.from(job.prefix ?? ''), bytes(job)]), key)
            .toString(job.encoding ?? 'hex');
    },
    'ecdsa.sign': (job) => {
        const key = crypto.createPrivateKey({ key: Buffer.from(job.private_der_b64, 'base64'),
                                              format: 'der', type: 'pkcs8' });
        return crypto.sign('sha256', Buffer.concat([Buffer.from(job.prefix ?? ''), bytes(job)]), key)
            .toString('base64');
    },
};

let input = '';
for await (const chunk of process.stdin)
    input += chunk;
const { jobs } = JSON.parse(input);
const results = [];
for (const job of jobs) {
    const op = ops[job.op];
    if (!op)
        throw new Error(`unknown op ${job.op}`);
    results.push(await op(job));
}
process.stdout.write(JSON.stringify({ results }));
