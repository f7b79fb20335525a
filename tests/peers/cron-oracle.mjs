// SPDX-License-Identifier: GPL-3.0-or-later
// The cron oracle: next firings computed by the npm package cron-parser (5.x, with luxon for time
// zones), for tests/core/schedule/tst_cronfirings.cpp.
//
// stdin:  {"cases": [{"expr": "30 2 * * *", "tz": "America/New_York", "afterMs": 1710000000000,
//                     "count": 10}, ...]}
// stdout: {"version": "5.10.6", "results": [{"firings": [1710054000000, ...]} | {"error": "..."}]}
// One result per case, in order. Firings are UTC milliseconds, strictly after afterMs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CronExpressionParser } from 'cron-parser';

const require = createRequire(import.meta.url);
const { version } = require('cron-parser/package.json');

const input = JSON.parse(readFileSync(0, 'utf8'));
const results = input.cases.map(({ expr, tz, afterMs, count }) => {
    try {
        const interval = CronExpressionParser.parse(expr, { currentDate: afterMs, tz });
        const firings = [];
        for (let i = 0; i < count; i++)
            firings.push(interval.next().getTime());
        return { firings };
    } catch (error) {
        return { error: String(error && error.message ? error.message : error) };
    }
});
process.stdout.write(JSON.stringify({ version, results }) + '\n');
