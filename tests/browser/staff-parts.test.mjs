// tests/browser/staff-parts.test.mjs - an analyst's journey in Chromium (playwright-core), with
// JavaScript on and off: sign in, open the dashboard, click a part, follow a number to the
// proposals behind it, search the part's proposals, use the tallies query builder. With JavaScript on, axe-core
// (lib.mjs) finds no serious or critical violation on the part's page and the
// query builder in kk, ru and en. The part page's search finds a hostile text, shown as text.
// With JavaScript on it takes screenshots of both pages (1000×700): into $KENES_SCREENSHOTS
// when set (KENES_SCREENSHOTS=docs/staff/ refreshes docs/staff/part.png and query.png), else
// a temp folder.
//
//   BASE_URL=http://127.0.0.1:8181 KENES_ADMIN_URL='host=... user=postgres dbname=kenes' \
//   node --test staff-parts.test.mjs                     (tests/browser/run.sh runs every *.test.mjs)

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FILE_MS, STEP_MS, launchChromium, newJsPage, noSeriousViolations } from './lib.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const ADMIN_URL = process.env.KENES_ADMIN_URL || '';
const AGGREGATOR = new URL('../../bin/kenes-aggregator', import.meta.url).pathname;
const SHOTS = process.env.KENES_SCREENSHOTS
	? resolve(new URL('../../', import.meta.url).pathname, process.env.KENES_SCREENSHOTS) + '/'
	: mkdtempSync(join(tmpdir(), 'kenes-shots-')) + '/';
const PART = 'article:87';
const run = `${Date.now()}${process.pid}`;

function agg(...args) {
	return execFileSync(AGGREGATOR, ['-q', '-d', ADMIN_URL, ...args], {
		env: { ...process.env, KENES_DATABASE_ROLE: 'kenes_aggregator', KENES_WEEKLY_REPORTS: '0' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
		timeout: STEP_MS,
	}).trim();
}

async function propose(text, stance) {
	const r = await fetch(`${BASE_URL}/api/v1/proposals`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ consultation: 'constitution-2026', target: PART, stance, topics: ['land'], text, lang: 'en' }),
		signal: AbortSignal.timeout(STEP_MS),
	});
	assert.equal(r.status, 201, `proposal: ${r.status}`);
}

test('an analyst: dashboard, a part, its proposals, the query builder', { timeout: FILE_MS }, async (t) => {
	const hostile = `<img src=x onerror="window.__xss=1"> parts ${run}`;
	await propose(hostile, 'support');
	await propose(`against ${run}`, 'oppose');
	agg('refresh');
	const token = agg('token', 'create', '--role', 'analyst', '--name', `browser parts ${run}`);
	mkdirSync(SHOTS, { recursive: true });
	const browser = await launchChromium();
	try {
		for (const js of [true, false]) {
			await t.test(js ? 'with JavaScript' : 'without JavaScript', async () => {
				const page = await newJsPage(browser, js);
				try {
					await page.goto(`${BASE_URL}/staff/sign-in?lang=en`);
					await page.locator('#f-token').fill(token);
					await page.locator('form button[type=submit]').click();
					await page.waitForURL(/\/staff\/\?lang=en$/);
					// A topic keeps the dashboard to the parts written about.
					await page.goto(`${BASE_URL}/staff/?lang=en&topic=land`);
					await page.locator('table.staff th a', { hasText: 'Article 87' }).first().click();
					await page.waitForURL(/\/staff\/parts\/article:87\?/);
					await page.getByRole('heading', { name: 'Most supported' }).waitFor();
					if (js) await page.screenshot({ path: `${SHOTS}part.png` });
					const partUrl = page.url();
					const shown = Number(await page.locator('#stances tr', { hasText: 'All' }).locator('td a').first().textContent());
					await page.locator('#stances tr', { hasText: 'All' }).locator('td a').first().click();
					await page.waitForURL(/\/staff\/proposals\?.*target=article:87/);
					if (shown <= 50) assert.equal(await page.locator('ol.proposals > li').count(), shown, 'the number is its proposals');
					// The part page's search finds the hostile proposal, shown as text.
					await page.goto(partUrl);
					await page.getByLabel('Words').fill(`parts ${run}`);
					await page.getByRole('search').last().getByRole('button').click();
					await page.waitForURL(/\/staff\/proposals\?.*q=parts/);
					await page.getByText(hostile).first().waitFor({ state: 'visible' });
					assert.equal(await page.locator('main img').count(), 0, 'the hostile text made an element');
					if (js) assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'injected script ran');
					await page.getByRole('link', { name: 'Tallies query' }).click();
					await page.waitForURL(/\/staff\/query/);
					await page.getByLabel('Group by').selectOption('part');
					await page.getByLabel('Stance').selectOption('oppose');
					await page.getByRole('button', { name: 'Run' }).click();
					await page.waitForURL(/by=part/);
					assert.equal(await page.locator('#api-url').textContent(), '/api/v1/tallies?by=part&stance=oppose');
					assert.ok((await page.locator('#answer tr').count()) > 1, 'the answer has rows');
					if (js) await page.screenshot({ path: `${SHOTS}query.png` });
					if (js)
						for (const lang of ['kk', 'ru', 'en']) {
							await page.goto(`${BASE_URL}/staff/parts/${PART}?lang=${lang}`);
							assert.equal(await page.locator('html').getAttribute('lang'), lang);
							await noSeriousViolations(page, `part page ${lang}`);
							await page.goto(`${BASE_URL}/staff/query?lang=${lang}&by=topic`);
							await noSeriousViolations(page, `query builder ${lang}`);
						}
				} finally {
					await page.context().close();
				}
			});
		}
	} finally {
		await browser.close();
	}
});
