// tests/browser/staff-moderation.test.mjs - a moderator hides a whole campaign in bulk and
// undoes it, in Chromium with JavaScript on and off (issue 16's journey): twelve people send
// the same letter, a refresh groups it into a campaign, the moderator signs in with a token,
// fills the campaign form on /staff/moderation, reads the confirmation (the action, the
// campaign, the reason), confirms, and every proposal of the campaign is hidden in the
// database; the same again with "show again" publishes them all. axe-core finds no serious
// or critical violation on the moderation page (kk, ru, en), the confirmation or the result.
//
//   BASE_URL=http://127.0.0.1:8181 KENES_ADMIN_URL='host=... user=postgres dbname=kenes' \
//   node --test staff-moderation.test.mjs     (tests/browser/run.sh runs every *.test.mjs)

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { FILE_MS, STEP_MS, iin, launchChromium, newJsPage, noSeriousViolations, sql, visit } from './lib.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const ADMIN_URL = process.env.KENES_ADMIN_URL || '';
const AGGREGATOR = new URL('../../bin/kenes-aggregator', import.meta.url).pathname;
const run = `${Date.now()}${process.pid}`;

function agg(...args) {
	return execFileSync(AGGREGATOR, ['-q', '-d', ADMIN_URL, ...args], {
		env: { ...process.env, KENES_DATABASE_ROLE: 'kenes_aggregator', KENES_WEEKLY_REPORTS: '0' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
		timeout: 2 * STEP_MS,
	}).trim();
}

// Twelve people send one letter (with this run's mark): after a refresh, one campaign.
async function campaign(mark) {
	const text = `Прошу дополнить статью о местном самоуправлении: бюджеты районов публикуются полностью, отчёты акимов открыты (${run} ${mark})`;
	const ids = [];
	for (let i = 0; i < 12; i++) {
		const r = await fetch(`${BASE_URL}/api/v1/proposals`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ consultation: 'constitution-2026', target: 'article:41', stance: 'amend', text, lang: 'ru', iin: iin(7000 + ((Number(run.slice(-3)) * 12 + i) % 2900)) }),
			signal: AbortSignal.timeout(STEP_MS),
		});
		assert.equal(r.status, 201, `proposal ${i}: ${r.status}`);
		ids.push((await r.json()).id);
	}
	agg('refresh');
	const id = sql(`SELECT DISTINCT campaign_id FROM kenes.campaign_member WHERE proposal_id IN (${ids.join(',')})`);
	assert.match(id, /^\d+$/, `one campaign for the twelve proposals: ${id}`);
	return { id, ids };
}

function statuses(c) {
	return sql(`SELECT string_agg(DISTINCT status, ',') FROM kenes.proposal WHERE id IN (${c.ids.join(',')})`);
}

async function signIn(page, token) {
	await page.goto(`${BASE_URL}/staff/sign-in?lang=en`);
	await page.locator('#f-token').fill(token);
	await page.locator('form button[type=submit]').click();
	await page.waitForURL(/\/staff\/(account)?\?lang=/);
}

// The campaign form, its confirmation and its result: ACTION ('hide', 'unhide').
async function moderateCampaign(page, c, action, reason) {
	await visit(page, `${BASE_URL}/staff/moderation?lang=en`);
	const form = page.locator('form[action^="/staff/moderation/campaigns"]:has(input[name=campaign]:not([type=hidden]))');
	await form.locator('input[name=campaign]').fill(c.id);
	await form.locator('select[name=action]').selectOption(action);
	await form.locator('input[name=reason]').fill(reason);
	await form.locator('button[type=submit]').click();
	await page.waitForLoadState();
	const confirm = await page.locator('main, body').first().innerText();
	assert.match(confirm, new RegExp(`Campaign no\\. ${c.id}`), 'the confirmation names the campaign');
	assert.ok(confirm.includes(reason), 'the confirmation shows the reason as text');
	await noSeriousViolations(page, `confirmation (${action})`);
	await page.getByRole('button', { name: 'Confirm' }).click();
	await page.waitForLoadState();
	assert.match(await page.locator('body').innerText(), /changed/, `the result says the campaign changed (${action})`);
	await noSeriousViolations(page, `result (${action})`);
}

test('a moderator hides a campaign in bulk and undoes it', { timeout: FILE_MS }, async (t) => {
	assert.ok(BASE_URL && ADMIN_URL, 'BASE_URL and KENES_ADMIN_URL are required');
	const moderator = agg('token', 'create', '--role', 'moderator', '--name', `browser moderation ${run}`);
	const browser = await launchChromium();
	try {
		for (const js of [true, false]) {
			await t.test(js ? 'with JavaScript' : 'without JavaScript', async () => {
				const c = await campaign(js ? "js" : "nojs");
				assert.equal(statuses(c), 'published');
				const page = await newJsPage(browser, js);
				try {
					await signIn(page, moderator);
					// axe runs only with JavaScript on: without it these loads would check nothing.
					if (js)
						for (const lang of ['kk', 'ru', 'en']) {
							await page.goto(`${BASE_URL}/staff/moderation?lang=${lang}`);
							await noSeriousViolations(page, `moderation ${lang}`);
						}
					await moderateCampaign(page, c, 'hide', `<b>a form letter</b> ${run}`);
					assert.equal(statuses(c), 'hidden', 'every proposal of the campaign is hidden');
					await moderateCampaign(page, c, 'unhide', `undo ${run}`);
					assert.equal(statuses(c), 'published', 'every proposal of the campaign is published again');
				} finally {
					await page.context().close();
				}
			});
		}
	} finally {
		await browser.close();
	}
});
