// tests/browser/lib.mjs - what several journeys share (not a test: run.sh runs *.test.mjs).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ADMIN_URL = process.env.KENES_ADMIN_URL || '';
// Bounds for a machine that other work keeps busy (make check runs a dozen lanes on two
// cores): a scenario of a second alone has taken 30 s there. STEP_MS bounds one browser action,
// navigation or helper program, FILE_MS a whole file; they are there to stop a hang, not to
// time the journeys.
export const STEP_MS = 45_000;
export const FILE_MS = 600_000;

// psql on the test database: STATEMENT with psql variables VARS; its output, trimmed.
export function sql(statement, vars = {}) {
	const args = ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-d', ADMIN_URL];
	for (const [k, v] of Object.entries(vars)) args.push('-v', `${k}=${v}`);
	return execFileSync('psql', args, { input: statement, encoding: 'utf8', timeout: STEP_MS }).trim();
}

// A valid IIN (a man born in early January 1990) from a serial, as tests/lib/iin.sh makes
// them: an invalid number moves to the next day, never the next serial (two serials, one IIN).
export function iin(serial) {
	for (const day of ['01', '02', '03', '04', '05']) {
		const base = `9001${day}3${String(serial).padStart(4, '0')}`;
		const digits = [...base].map(Number);
		let check = digits.reduce((sum, d, i) => sum + d * (i + 1), 0) % 11;
		if (check === 10) check = digits.reduce((sum, d, i) => sum + d * [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2][i], 0) % 11;
		if (check !== 10) return base + check;
	}
	throw new Error(`no valid IIN for serial ${serial}`);
}

// axe-core's own bundle, evaluated in the page and run there with axe.run. Not through
// @axe-core/playwright's AxeBuilder: its analyze() opens a blank page for every check (to
// merge the frames' results; these pages have none), a renderer process of its own each
// time, and evaluates the 500 kB bundle twice; measured on these pages that was 2-3 s of CPU
// a check against 0.4-0.7 s this way, with the same engine, version and rules.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// The serious and critical violations axe-core finds on the page as it is now, as
// "rule: selector, ..." lines. Every rule runs; only the violations' details are
// gathered (resultTypes), which is all that is read and saves axe building a selector for
// every element that passes.
export async function axeSeriousViolations(page) {
	if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
	const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

// axe runs in the page, so only with JavaScript on (context._kenesJs); the pages are the
// same HTML without it.
export async function noSeriousViolations(page, what) {
	if (!page.context()._kenesJs) return;
	assert.deepEqual(await axeSeriousViolations(page), [], `axe on ${what}`);
}

// bin/kenes-aggregator ARGS on the test database, as its role; its output, trimmed.
export function agg(...args) {
	return execFileSync(`${new URL('../../', import.meta.url).pathname}bin/kenes-aggregator`, ['-q', '-d', ADMIN_URL, ...args], {
		env: { ...process.env, KENES_DATABASE_ROLE: 'kenes_aggregator' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
		timeout: 2 * STEP_MS,
	}).trim();
}

// The Chromium of CHROMIUM_PATH, headless, one for a whole file: each launch costs about a
// second of CPU, and the journeys' contexts keep them apart.
export async function launchChromium() {
	const { chromium } = await import('playwright-core');
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		timeout: STEP_MS,
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
}

// A page in a new context of browser, 1000×700, JavaScript on or off (context._kenesJs, which
// noSeriousViolations reads), with STEP_MS as its timeout; options go to newContext. Close
// it with page.context().close().
export async function newJsPage(browser, js, options = {}) {
	const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1000, height: 700 }, ...options });
	context._kenesJs = js;
	context.setDefaultTimeout(STEP_MS);
	context.setDefaultNavigationTimeout(STEP_MS);
	return context.newPage();
}

// Loads url in page unless the page shows it already: a journey goes on from the page its
// last check loaded instead of loading it again (each load costs CPU in Chromium and the
// handler). Only for pages a GET shows, where the URL says what is on them.
export async function visit(page, url) {
	if (page.url() !== url) await page.goto(url);
}

// Runs journey(page, js) as a subtest of t named name(js), once with JavaScript on and once
// off, each in a context of its own in one Chromium, closed whatever happens.
export async function withAndWithoutJs(t, name, journey) {
	const browser = await launchChromium();
	const both = async () => {
		for (const js of [true, false]) {
			await t.test(name(js), async () => {
				const page = await newJsPage(browser, js);
				await journey(page, js).finally(() => page.context().close());
			});
		}
	};
	await both().finally(() => browser.close());
}

// Signs in to the staff workspace at base with a token, in English; waits for where it lands.
export async function staffSignIn(page, base, token) {
	await page.goto(`${base}/staff/sign-in?lang=en`);
	await page.locator('#f-token').fill(token);
	await page.locator('form button[type=submit]').click();
	await page.waitForURL(/\/staff\/(account)?\?lang=en/);
}
