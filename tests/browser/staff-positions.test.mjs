// tests/browser/staff-positions.test.mjs - the secretariat's positions in Chromium (docs/STAFF.md
// "Positions", fcgi/staff_positions.c), with JavaScript on and off: staff sign in, open the
// positions page from the navigation, make a position of two proposals with a hostile label
// (it shows as text), record its disposition on its page and see it in the public table. With
// JavaScript on, axe-core finds no serious or critical violation on the list and a position's
// page in kk, ru and en.
//
//   BASE_URL=http://127.0.0.1:8181 KENES_ADMIN_URL='host=... user=postgres dbname=kenes' \
//   node --test staff-positions.test.mjs             (tests/browser/run.sh runs every *.test.mjs)

import test from 'node:test';
import assert from 'node:assert/strict';
import { FILE_MS, STEP_MS, agg, noSeriousViolations, staffSignIn, withAndWithoutJs } from './lib.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const PART = 'article:67'; // a part no other test writes about
const run = `${Date.now()}${process.pid}`;

async function propose(text) {
	const r = await fetch(`${BASE_URL}/api/v1/proposals`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ consultation: 'constitution-2026', target: PART, stance: 'oppose', text, lang: 'ru' }),
		signal: AbortSignal.timeout(STEP_MS),
	});
	assert.equal(r.status, 201, `proposal: ${r.status}`);
	return (await r.json()).id;
}

// The position's page in kk, ru and en, and the list with it, checked by axe-core.
async function accessible(page, id) {
	for (const lang of ['kk', 'ru', 'en']) {
		await page.goto(`${BASE_URL}/staff/positions/${id}?lang=${lang}`);
		await noSeriousViolations(page, `position ${lang}`);
		await page.goto(`${BASE_URL}/staff/positions?lang=${lang}`);
		await page.locator(`#position-${id}`).waitFor();
		await noSeriousViolations(page, `positions ${lang}`);
	}
}

test('the positions pages in Chromium', { timeout: FILE_MS }, async (t) => {
	agg('refresh'); // the dashboard, where signing in lands, answers 503 until the tallies exist
	const staff = agg('token', 'create', '--role', 'staff', '--name', `browser positions ${run}`);
	await withAndWithoutJs(t, (js) => `staff, ${js ? 'with' : 'without'} JavaScript: a position made and decided`, async (page, js) => {
		const ids = [await propose(`Против ${run} ${js}`), await propose(`Тоже против ${run} ${js}`)];
		const label = `<img src=x onerror="window.__xss=1"> against ${js} & "${run}"`;
		await staffSignIn(page, BASE_URL, staff);
		await page.getByRole('link', { name: 'Positions', exact: true }).click();
		await page.waitForURL(/\/staff\/positions\?lang=en/);
		await page.locator('#create-part').selectOption(PART);
		await page.locator('#create-label_en').fill(label);
		await page.locator('#create-proposals').fill(ids.join(', '));
		await page.locator('#create-reason').fill('browser journey');
		await page.locator('#create button[type=submit]').click();
		await page.waitForURL(/\/staff\/positions\/\d+\?lang=en$/);
		const id = page.url().match(/positions\/(\d+)/)[1];
		await page.getByText(label).first().waitFor({ state: 'visible' });
		assert.equal(await page.locator('body img').count(), 0, 'the hostile label made an element');
		for (const p of ids) await page.locator(`a[href="/staff/proposals/${p}?lang=en"]`).waitFor();
		await page.locator('#disposition-decision').selectOption('not_accepted');
		await page.locator('#disposition-decision_reason_en').fill(`out of scope ${run}`);
		await page.locator('#disposition-reason').fill('session 1');
		await page.locator('#disposition button[type=submit]').click();
		await page.waitForURL(new RegExp(`/staff/positions/${id}\\?lang=en$`));
		await page.getByText('Decision: Not accepted').waitFor();
		if (js) {
			assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'injected script ran');
			await accessible(page, id);
		}
		await new Promise((done) => setTimeout(done, 1100)); // the public table's microcache
		await page.goto(`${BASE_URL}/consultations/constitution-2026/comparative-table?lang=en`);
		await page.getByText(label).first().waitFor({ state: 'visible' });
	});
});
