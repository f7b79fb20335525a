// SPDX-License-Identifier: GPL-3.0-or-later
// A real JWT verifier (jose, npm) for the GitHub App tokens Wirebench signs (tst_githubappjwt).
//
// stdin:  {"jobs": [{"op": "keypair", "format": "pkcs1" | "pkcs8"}
//                   | {"op": "verify", "token", "public_pem", "issuer", "now_ms"}]}
// stdout: {"results": [...]}: keypair → {"private_pem", "public_pem"} (a fresh 2048-bit RSA key,
// never stored); verify → {"valid": true, "header", "payload"} or {"valid": false, "error"}.
// verify checks what GitHub checks: RS256 only, the issuer, iat/exp against now_ms.
import crypto from 'node:crypto';
import { importSPKI, jwtVerify } from 'jose';

const ops = {
    keypair: (job) => {
        const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
        return {
            private_pem: privateKey.export({ type: job.format ?? 'pkcs8', format: 'pem' }),
            public_pem: publicKey.export({ type: 'spki', format: 'pem' }),
        };
    },
    verify: async (job) => {
        try {
            const key = await importSPKI(job.public_pem, 'RS256');
            const { payload, protectedHeader } = await jwtVerify(job.token, key, {
                algorithms: ['RS256'],
                issuer: job.issuer,
                currentDate: new Date(job.now_ms),
                maxTokenAge: '11m',
            });
            return { valid: true, header: protectedHeader, payload };
        } catch (error) {
            return { valid: false, error: String(error?.code ?? error?.message ?? error) };
        }
    },
};

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { jobs } = JSON.parse(input);
const results = [];
for (const job of jobs) {
    const op = ops[job.op];
    results.push(op ? await op(job) : { error: `unknown op ${job.op}` });
}
process.stdout.write(JSON.stringify({ results }));
