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
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FILE_MS, STEP_MS, agg, axeSeriousViolations, launchChromium, newJsPage, noSeriousViolations, visit } from './lib.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const SHOTS = process.env.KENES_SCREENSHOTS
	? resolve(new URL('../../', import.meta.url).pathname, process.env.KENES_SCREENSHOTS) + '/'
	: mkdtempSync(join(tmpdir(), 'kenes-shots-')) + '/';
const LANGS = ['kk', 'ru', 'en'];
const run = `${Date.now()}${process.pid}`;
const tag = `st${run}`;

async function propose(text, stance) {
	const r = await fetch(`${BASE_URL}/api/v1/proposals`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ consultation: 'constitution-2026', target: 'article:12', stance, topics: ['land'], text, lang: 'en' }),
		signal: AbortSignal.timeout(STEP_MS),
	});
	assert.equal(r.status, 201, `proposal: ${r.status}`);
}

// Signs in from the sign-in page in lang (loaded unless the page shows it already).
async function signIn(page, token, lang) {
	await visit(page, `${BASE_URL}/staff/sign-in?lang=${lang}`);
	await page.locator('#f-token').fill(token);
	await page.locator('form button[type=submit]').click();
	await page.waitForURL(/\/staff\/(account)?\?lang=/);
}

// Each of path?lang=L&query in kk, ru and en checked by axe, ending on en, where a journey
// goes on. Only with JavaScript on: axe runs in the page, and without JavaScript the pages
// are the same HTML (the journey loads the English one itself).
async function accessibleInEachLanguage(page, path, query, what, check = async () => {}) {
	if (!page.context()._kenesJs) return;
	for (const lang of LANGS) {
		await visit(page, `${BASE_URL}${path}?lang=${lang}${query}`);
		await check(lang);
		await noSeriousViolations(page, `${what} ${lang}`);
	}
}

test('the staff workspace in Chromium', { timeout: FILE_MS }, async (t) => {
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
	const browser = await launchChromium();
	try {
		for (const js of [true, false]) {
			const name = js ? 'with JavaScript' : 'without JavaScript';
			// One page for the three roles in turn, each signing out at its end: a new context
			// costs a renderer process started cold (1-2 s of CPU). Its cookies are cleared
			// before each role, so one that fails half-way leaves the next signed out.
			const page = await newJsPage(browser, js);
			const asRole = (title, journey) => t.test(title, async () => {
				await page.context().clearCookies();
				await journey();
			});
			try {
				await asRole(`analyst, ${name}: dashboard, filter, drill down, CSV, axe in kk/ru/en`, async () => {
					await accessibleInEachLanguage(page, '/staff/sign-in', '', 'sign-in');
					if (js) {
						await page.screenshot({ path: `${SHOTS}sign-in.png` });
						// The check itself: labels made light grey (through the CSSOM, which the CSP
						// allows) must be caught as a serious contrast violation.
						const grey = (color) => page.evaluate((c) => { for (const el of document.querySelectorAll('label')) el.style.color = c; }, color);
						await grey('#bbb');
						assert.match((await axeSeriousViolations(page)).join('\n'), /^color-contrast: /m, 'axe catches a contrast problem');
						await grey('');
					}
					await signIn(page, tokens.analyst, 'en');
					assert.match(page.url(), /\/staff\/\?lang=en$/);
					// A topic keeps the table to the parts written about (axe takes long on hundreds).
					await accessibleInEachLanguage(page, '/staff/', '&topic=land', 'dashboard', async (lang) =>
						assert.equal(await page.locator('html').getAttribute('lang'), lang));
					await visit(page, `${BASE_URL}/staff/?lang=en&topic=land`);
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
				});
				await asRole(`staff, ${name}: search shows hostile text as text, axe in kk/ru/en`, async () => {
					await signIn(page, tokens.staff, 'ru');
					await accessibleInEachLanguage(page, '/staff/proposals', `&q=${tag}`, 'proposals');
					await visit(page, `${BASE_URL}/staff/proposals?lang=en&q=${tag}`);
					await page.getByText(`<img src=x onerror="window.__xss=1"> ${tag}`).first().waitFor({ state: 'visible' });
					assert.equal(await page.locator('main img').count(), 0, 'the hostile text made an element');
					if (js) {
						assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'injected script ran');
						await page.screenshot({ path: `${SHOTS}proposals.png` });
					}
					await page.getByRole('button', { name: 'Sign out' }).click();
					await page.waitForURL(/\/staff\/sign-in/);
				});
				await asRole(`moderator, ${name}: the account page, every result of a search hidden and shown again, axe in kk/ru/en`, async () => {
					await signIn(page, tokens.moderator, 'kk');
					assert.match(page.url(), /\/staff\/account\?lang=kk$/);
					await accessibleInEachLanguage(page, '/staff/account', '', 'account');
					// Bulk from a search: every result hidden after a confirmation with the count, then shown again.
					await accessibleInEachLanguage(page, '/staff/proposals', `&q=${tag}`, 'proposals with bulk controls');
					for (const [action, query] of [['hide', `q=${tag}`], ['unhide', `q=${tag}&status=hidden`]]) {
						await visit(page, `${BASE_URL}/staff/proposals?lang=en&${query}`);
						if (action === 'hide') assert.equal(await page.locator('ol.proposals input[type=checkbox][name=id]').count(), 2);
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
				});
			} finally {
				await page.context().close();
			}
		}
	} finally {
		await browser.close();
	}
});
