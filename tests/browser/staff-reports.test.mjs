// tests/browser/staff-reports.test.mjs - the secretariat's reports in Chromium (docs/STAFF.md,
// fcgi/staff_reports.c), with JavaScript on and off: staff sign in, add a Commission session
// whose title is hostile (it shows as text), issue its report through the confirmation, let
// the aggregator's refresh issue it (as its timer would), and download every rendering, each
// matching the SHA-256 the page shows. With JavaScript on, axe-core finds no serious or
// critical violation on the reports page, the confirmation, a proposal's history and the audit
// log in kk, ru and en. The sessions belong to a consultation of the run's own (closed), so
// that they need not fit between other tests' sessions.
//
//   BASE_URL=http://127.0.0.1:8181 KENES_ADMIN_URL='host=... user=postgres dbname=kenes' \
//   node --test staff-reports.test.mjs             (tests/browser/run.sh runs every *.test.mjs)

import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FILE_MS, STEP_MS, launchChromium, newJsPage, noSeriousViolations, sql, visit } from './lib.mjs';

const BASE_URL = (process.env.BASE_URL || '').replace(/\/+$/, '');
const ADMIN_URL = process.env.KENES_ADMIN_URL || '';
const ROOT = new URL('../../', import.meta.url).pathname;
// Screenshots as in staff.test.mjs: KENES_SCREENSHOTS=docs/staff/ refreshes the ones in docs/.
const SHOTS = process.env.KENES_SCREENSHOTS
	? resolve(ROOT, process.env.KENES_SCREENSHOTS) + '/'
	: mkdtempSync(join(tmpdir(), 'kenes-shots-')) + '/';
const run = `${Date.now()}${process.pid}`;
const slug = `srb-${run}`;

function agg(...args) {
	return execFileSync(`${ROOT}bin/kenes-aggregator`, ['-q', '-d', ADMIN_URL, ...args], {
		env: { ...process.env, KENES_DATABASE_ROLE: 'kenes_aggregator' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
		timeout: 2 * STEP_MS,
	}).trim();
}

test('the reports pages in Chromium', { timeout: FILE_MS }, async (t) => {
	const doc = JSON.parse(readFileSync(`${ROOT}sql/data/constitution-2026.json`, 'utf8'));
	// Opened three days ago: a refresh would otherwise issue a report for each of its weeks.
	const opens = sql("SELECT ((now() AT TIME ZONE 'Asia/Almaty')::date - 3)::text");
	sql("SELECT kenes.consultation_load(:'doc'::jsonb)", { doc: JSON.stringify({ ...doc, slug, status: 'closed', opens_at: `${opens}T00:00:00+05:00` }) });
	const r = await fetch(`${BASE_URL}/api/v1/proposals`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ consultation: 'constitution-2026', target: 'article:12', stance: 'amend', text: `history ${run}`, lang: 'en' }),
		signal: AbortSignal.timeout(STEP_MS),
	});
	assert.equal(r.status, 201, `proposal: ${r.status}`);
	const proposal = (await r.json()).id;
	agg('refresh');
	const today = sql('SELECT (now() AT TIME ZONE time_zone)::date FROM kenes.tally_state');
	const staff = agg('token', 'create', '--role', 'staff', '--name', `browser reports ${run}`);
	mkdirSync(SHOTS, { recursive: true });
	const browser = await launchChromium();
	try {
		for (const [js, number, days] of [[true, 1, 1], [false, 2, 0]]) {
			await t.test(`staff, ${js ? 'with' : 'without'} JavaScript: add a session, issue its report, download it`, async () => {
				const page = await newJsPage(browser, js, { acceptDownloads: true });
				const reports = `${BASE_URL}/staff/reports?lang=en&consultation=${slug}`;
				const title = `<img src=x onerror="window.__xss=1"> session ${number} & "${run}"`;
				try {
					await page.goto(`${BASE_URL}/staff/sign-in?lang=en`);
					await page.locator('#f-token').fill(staff);
					await page.locator('form button[type=submit]').click();
					await page.waitForURL(/\/staff\/\?lang=en/);
					await page.getByRole('link', { name: 'Reports' }).click();
					await page.waitForURL(/\/staff\/reports\?lang=en/);
					await page.goto(reports);
					assert.equal(await page.locator('#f-number').inputValue(), String(number), 'the next number is offered');
					const held = sql(`SELECT (:'d'::date - ${days})::text`, { d: today });
					await page.locator('#f-date').fill(held);
					await page.locator('#f-title').fill(title);
					await page.getByRole('button', { name: 'Add', exact: true }).click();
					await page.waitForURL(new RegExp(`#session-${number}$`));
					const row = page.locator(`#session-${number}`);
					await row.getByText(title).waitFor({ state: 'visible' });
					assert.equal(await page.locator('main img').count(), 0, 'the hostile title made an element');
					if (js) {
						assert.equal(await page.evaluate(() => typeof window.__xss), 'undefined', 'injected script ran');
						for (const lang of ['kk', 'ru', 'en']) {
							await page.goto(`${BASE_URL}/staff/reports?lang=${lang}&consultation=${slug}`);
							await noSeriousViolations(page, `reports ${lang}`);
						}
						await visit(page, reports);
					}
					await row.getByRole('button', { name: 'Issue the report…' }).click();
					await page.getByRole('heading', { name: 'Please confirm' }).waitFor();
					await page.getByText('and JSON): 10').waitFor();
					await page.getByText(title).waitFor({ state: 'visible' });
					await noSeriousViolations(page, 'the confirmation');
					if (js) await page.screenshot({ path: `${SHOTS}report-confirm.png` });
					await page.getByRole('button', { name: 'Confirm' }).click();
					await page.waitForURL(new RegExp(`#session-${number}$`));
					await row.getByText('Requested').waitFor();
					agg('refresh'); // what the timer does: issues the requested report
					await page.reload();
					await row.getByText('Issued').first().waitFor();
					await row.locator('summary').click();
					const links = row.locator('a[download]');
					const n = await links.count();
					assert.equal(n, 10, 'every rendering is offered');
					if (js) await page.screenshot({ path: `${SHOTS}reports.png`, fullPage: true });
					for (let i = 0; i < n; i++) {
						if (!js && i % 3 !== 0) continue; // without JavaScript, one language of each format
						const link = links.nth(i);
						const shown = await row.locator('code.sha256').nth(i).textContent();
						const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
						const bytes = readFileSync(await download.path());
						assert.equal(createHash('sha256').update(bytes).digest('hex'), shown, `${await link.textContent()}: the SHA-256 shown`);
						assert.match(download.suggestedFilename(), new RegExp(`^kenes-${slug}-session-${number}-(kk|ru|en|mul)\\.(html|csv|json|md)$`));
					}
					if (js) {
						// The audit log's last entries only: the same table, and axe takes long on a hundred rows.
						const after = sql('SELECT greatest(max(id) - 5, 1) FROM kenes.staff_audit');
						for (const lang of ['kk', 'ru', 'en']) {
							await page.goto(`${BASE_URL}/staff/proposals/${proposal}?lang=${lang}`);
							await page.locator('dl.facts').waitFor();
							await noSeriousViolations(page, `history ${lang}`);
							await page.goto(`${BASE_URL}/staff/audit?lang=${lang}&after=${after}`);
							await page.locator('table.audit').waitFor();
							await noSeriousViolations(page, `audit ${lang}`);
						}
						await page.screenshot({ path: `${SHOTS}audit.png` });
					}
					await page.goto(`${BASE_URL}/staff/audit?lang=en`);
					const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
					assert.equal(csv.suggestedFilename(), 'kenes-staff-log.csv');
					await page.getByRole('button', { name: 'Sign out' }).click();
					await page.waitForURL(/\/staff\/sign-in/);
				} finally {
					await page.context().close();
				}
			});
		}
	} finally {
		await browser.close();
	}
});
