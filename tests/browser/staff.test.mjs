// tests/browser/staff.test.mjs - the staff workspace in a real browser (Chromium via
// playwright-core), with JavaScript on and off: each role signs in with a token, an analyst
// filters the dashboard, follows a number to the proposals behind it and downloads the CSV,
// staff search proposals (hostile text shows as text), a moderator reaches the account page,
// hides every result of a search after a confirmation with the count and shows them again,
// everyone signs out. axe-core (lib.mjs) finds no serious or critical violation
// on any page in kk, ru and en. With JavaScript on it takes screenshots: into $KENES_SCREENSHOTS
// when set (KENES_SCREENSHOTS=docs/staff/ refreshes the ones in docs/), else a temp folder, so
// `make check` leaves the tree as it found it.
//
//   BASE_URL=http://127.0.0.1:8181 KENES_ADMIN_URL='host=... user=postgres dbname=kenes' \
//   node --test staff.test.mjs                (tests/browser/run.sh runs it after form.test.mjs)

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { axeSeriousViolations, noSeriousViolations } from './lib.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const ADMIN_URL = process.env.KENES_ADMIN_URL || '';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const AGGREGATOR = new URL('../../bin/kenes-aggregator', import.meta.url).pathname;
const SHOTS = process.env.KENES_SCREENSHOTS
	? resolve(new URL('../../', import.meta.url).pathname, process.env.KENES_SCREENSHOTS) + '/'
	: mkdtempSync(join(tmpdir(), 'kenes-shots-')) + '/';
const STEP_MS = 20_000;
const run = `${Date.now()}${process.pid}`;
const tag = `st${run}`;

function agg(...args) {
	return execFileSync(AGGREGATOR, ['-q', '-d', ADMIN_URL, ...args], {
		env: { ...process.env, KENES_DATABASE_ROLE: 'kenes_aggregator' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
		timeout: STEP_MS,
	}).trim();
}

async function propose(text, stance) {
	const r = await fetch(`${BASE_URL}/api/v1/proposals`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ consultation: 'constitution-2026', target: 'article:12', stance, topics: ['land'], text, lang: 'en' }),
		signal: AbortSignal.timeout(STEP_MS),
	});
	assert.equal(r.status, 201, `proposal: ${r.status}`);
}

async function signIn(page, token, lang) {
	await page.goto(`${BASE_URL}/staff/sign-in?lang=${lang}`);
	await page.locator('#f-token').fill(token);
	await page.locator('form button[type=submit]').click();
	await page.waitForURL(/\/staff\/(account)?\?lang=/, { timeout: STEP_MS });
}

test('the staff workspace in Chromium', { timeout: 150_000 }, async (t) => {
	const hostile = `<img src=x onerror="window.__xss=1"> ${tag} & "quotes"`;
	await propose(hostile, 'oppose');
	await propose(`support ${tag}`, 'support');
	agg('refresh');
	const tokens = {
		analyst: agg('token', 'create', '--role', 'analyst', '--name', `browser analyst ${run}`),
		staff: agg('token', 'create', '--role', 'staff', '--name', `browser staff ${run}`),
		moderator: agg('token', 'create', '--role', 'moderator', '--name', `browser moderator ${run}`),
	};
	mkdirSync(SHOTS, { recursive: true });
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		timeout: STEP_MS,
		args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
	});
	try {
		for (const js of [true, false]) {
			const name = js ? 'with JavaScript' : 'without JavaScript';
			await t.test(`analyst, ${name}: dashboard, filter, drill down, CSV, axe in kk/ru/en`, async () => {
				const context = await browser.newContext({ javaScriptEnabled: js, acceptDownloads: true, viewport: { width: 1000, height: 700 } });
				context._kenesJs = js;
				const page = await context.newPage();
				page.setDefaultTimeout(STEP_MS);
				try {
					await page.goto(`${BASE_URL}/staff/sign-in?lang=en`);
					if (js) await page.screenshot({ path: `${SHOTS}sign-in.png` });
					for (const lang of ['kk', 'ru', 'en']) {
						await page.goto(`${BASE_URL}/staff/sign-in?lang=${lang}`);
						await noSeriousViolations(page, `sign-in ${lang}`);
					}
					if (js) {
						// The check itself: labels made light grey (through the CSSOM, which the CSP
						// allows) must be caught as a serious contrast violation.
						await page.evaluate(() => { for (const el of document.querySelectorAll('label')) el.style.color = '#bbb'; });
						assert.match((await axeSeriousViolations(page)).join('\n'), /^color-contrast: /m, 'axe catches a contrast problem');
					}
					await signIn(page, tokens.analyst, 'en');
					assert.match(page.url(), /\/staff\/\?lang=en$/);
					// A topic keeps the table to the parts written about (axe takes long on hundreds).
					for (const lang of ['kk', 'ru', 'en']) {
						await page.goto(`${BASE_URL}/staff/?lang=${lang}&topic=land`);
						assert.equal(await page.locator('html').getAttribute('lang'), lang);
						await noSeriousViolations(page, `dashboard ${lang}`);
					}
					if (js) await page.screenshot({ path: `${SHOTS}dashboard.png` });
					await page.getByLabel('Stance').selectOption('oppose');
					await page.getByRole('button', { name: 'Show' }).click();
					await page.waitForURL(/stance=oppose/);
					const row = page.locator('table.staff tr', { hasText: 'Article 12' }).first();
					await row.locator('td a').first().click();
					await page.waitForURL(/\/staff\/proposals\?.*target=article:12/);
					await page.goto(`${BASE_URL}/staff/?lang=en`);
					const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()]);
					assert.equal(download.suggestedFilename(), 'kenes-dashboard.csv');
					await page.goto(`${BASE_URL}/staff/proposals?lang=en`);
					assert.equal(await page.locator('select[name=status]').count(), 0, 'analysts are offered no status filter');
					await page.getByRole('button', { name: 'Sign out' }).click();
					await page.waitForURL(/\/staff\/sign-in/);
				} finally {
					await context.close();
				}
			});
			await t.test(`staff, ${name}: search shows hostile text as text, axe in kk/ru/en`, async () => {
				const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1000, height: 700 } });
				context._kenesJs = js;
				const page = await context.newPage();
				page.setDefaultTimeout(STEP_MS);
				try {
					await signIn(page, tokens.staff, 'ru');
					for (const lang of ['kk', 'ru', 'en']) {
						await page.goto(`${BASE_URL}/staff/proposals?lang=${lang}&q=${tag}`);
						await noSeriousViolations(page, `proposals ${lang}`);
					}
					await page.getByText(`<img src=x onerror="window.__xss=1"> ${tag}`).first().waitFor({ state: 'visible' });
					assert.equal(await page.locator('main img').count(), 0, 'the hostile text made an element');
					if (js) {
						assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'injected script ran');
						await page.screenshot({ path: `${SHOTS}proposals.png` });
					}
					await page.getByRole('button', { name: 'Sign out' }).click();
					await page.waitForURL(/\/staff\/sign-in/);
				} finally {
					await context.close();
				}
			});
			await t.test(`moderator, ${name}: the account page, every result of a search hidden and shown again, axe in kk/ru/en`, async () => {
				const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 1000, height: 700 } });
				context._kenesJs = js;
				const page = await context.newPage();
				page.setDefaultTimeout(STEP_MS);
				try {
					await signIn(page, tokens.moderator, 'kk');
					assert.match(page.url(), /\/staff\/account\?lang=kk$/);
					for (const lang of ['kk', 'ru', 'en']) {
						await page.goto(`${BASE_URL}/staff/account?lang=${lang}`);
						await noSeriousViolations(page, `account ${lang}`);
					}
					// Bulk from a search: every result hidden after a confirmation with the count, then shown again.
					for (const lang of ['kk', 'ru', 'en']) {
						await page.goto(`${BASE_URL}/staff/proposals?lang=${lang}&q=${tag}`);
						await noSeriousViolations(page, `proposals with bulk controls ${lang}`);
					}
					assert.equal(await page.locator('ol.proposals input[type=checkbox][name=id]').count(), 2);
					for (const [action, query] of [['hide', `q=${tag}`], ['unhide', `q=${tag}&status=hidden`]]) {
						await page.goto(`${BASE_URL}/staff/proposals?lang=en&${query}`);
						const all = page.locator('form.bulk-all');
						await all.locator('select[name=action]').selectOption(action);
						await all.locator('input[name=reason]').fill(`browser ${action} ${run}`);
						await all.getByRole('button', { name: 'Review' }).click();
						await page.getByRole('heading', { name: 'Please confirm' }).waitFor();
						assert.match(await page.locator('main').innerText(), /Count: 2\./);
						await noSeriousViolations(page, `confirmation of ${action}`);
						await page.getByRole('button', { name: 'Confirm' }).click();
						await page.getByRole('heading', { name: 'Result' }).waitFor();
						assert.equal(await page.locator('td', { hasText: /^changed$/ }).count(), 2, `${action}: both changed`);
					}
					await page.goto(`${BASE_URL}/staff/proposals?lang=en&q=${tag}&status=hidden`);
					assert.equal(await page.locator('ol.proposals > li').count(), 0, 'undone: none hidden');
					await page.getByRole('button', { name: 'Sign out' }).click();
					await page.waitForURL(/\/staff\/sign-in/);
				} finally {
					await context.close();
				}
			});
		}
	} finally {
		await browser.close();
	}
});
