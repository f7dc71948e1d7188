import enCases from '../../locales/en/cases.json';
import enFieldErrors from '../../locales/en/fieldErrors.json';
import enPrint from '../../locales/en/print.json';
import enRegister from '../../locales/en/register.json';
import enCheck from '../../locales/en/stockcheck.json';
import frCases from '../../locales/fr/cases.json';
import frFieldErrors from '../../locales/fr/fieldErrors.json';
import frPrint from '../../locales/fr/print.json';
import frRegister from '../../locales/fr/register.json';
import frCheck from '../../locales/fr/stockcheck.json';
import type { JournalHead } from '../../src/shared/contract/app';
import type { CheckRow, CountSheet } from '../../src/shared/contract/stockcheck';
import { msg } from './ammunition-helpers';
import { expect, test } from './fixtures';
import { ARMOURY, signIn } from './helpers';
import { saveDocument } from './pdf-helpers';
import { BALL, flat, ok, PARA, scan, seedChecks, STOREKEEPER, WITNESS, writings } from './stockcheck-helpers';

const UNKNOWN = 'XX-404-INCONNU';

for (const lang of ['fr', 'en'] as const) {
  const t = lang === 'fr' ? frCheck : enCheck;
  const p = lang === 'fr' ? frPrint : enPrint;
  const reg = lang === 'fr' ? frRegister : enRegister;
  const fe = lang === 'fr' ? frFieldErrors : enFieldErrors;
  const cases = lang === 'fr' ? frCases : enCases;
  const number = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB');

  test(`${lang}: a full check counted by scanning, one weapon missing, an unknown code, a lot short; closed with a witness; count sheet and inventory report printed`, async ({
    app,
    gardienPage: page,
  }) => {
    test.setTimeout(180_000);
    const seed = await seedChecks(app, { language: lang, page });
    const { ak1, ak2, ak3, pa1, pa2 } = seed.weapons;
    await signIn(page, STOREKEEPER);
    await page.getByTestId('nav-stockChecks').click();
    await expect(page.getByRole('heading', { level: 1, name: t.title })).toBeVisible();
    await expect(page.getByTestId('schedule-full-last')).toHaveText(t.schedule.never);
    await expect(page.getByTestId('checks-empty')).toBeVisible();

    // Start a full inventory (the default scope).
    await page.getByTestId('check-start').click();
    const start = page.getByTestId('start-check-dialog');
    await expect(start.getByTestId('scope-full')).toBeChecked();
    await start.locator('#start-note').fill('Inventaire trimestriel');
    await start.getByRole('button', { name: t.start.submit }).click();
    const screen = page.getByTestId('stockCheck-screen');
    await expect(screen).toHaveAttribute('data-status', 'open');
    const checkId = Number(await screen.getAttribute('data-check'));
    await expect(page.getByTestId('progress-total')).toHaveText(msg(t.common.progress, { counted: 0, total: 7 }));
    await expect(page.getByTestId('paper-hint')).toHaveText(t.sheet.paperHint);

    // Scanner speed: four weapons by serial or national code (any case), a repeat, then an unknown code.
    const box = page.getByTestId('handover-scan');
    await expect(box).toBeFocused();
    await scan(page, ak1.serial);
    await scan(page, ak2.nationalCode.toLowerCase());
    await scan(page, pa1.serial);
    await scan(page, ak1.nationalCode);
    await scan(page, pa2.nationalCode);
    await scan(page, UNKNOWN);
    await expect(page.getByTestId('sheet-note')).toHaveAttribute('data-kind', 'unknown');
    await expect(page.getByTestId('sheet-note')).toHaveText(t.sheet.unknownRecorded);
    await expect(page.getByTestId('unknown-code')).toHaveText([UNKNOWN]);
    await expect(box).toBeFocused();
    await expect(page.getByTestId('sheet-saved')).toHaveAttribute('data-state', 'saved');
    await expect(page.getByTestId('progress-weapons')).toHaveText(msg(t.common.progress, { counted: 4, total: 5 }));
    await expect(page.getByTestId('progress-unknown')).toHaveText('1');
    // Saved in core as it was counted.
    let sheet = await ok<CountSheet>(app, 'stockchecks.sheet', { id: checkId });
    expect(sheet.weapons.filter((w) => w.counted).map((w) => w.id).sort()).toEqual([ak1.id, ak2.id, pa1.id, pa2.id].sort());
    expect(sheet.unknown).toEqual([UNKNOWN]);

    // The lots, typed as from the paper sheet: Enter goes to the next place.
    const ballLine = page.locator(`[data-testid="lot-line"][data-lot="${seed.ball}"]`);
    const paraLine = page.locator(`[data-testid="lot-line"][data-lot="${seed.para}"]`);
    await ballLine.getByTestId('lot-count').fill(String(BALL.quantity - 50));
    await ballLine.getByTestId('lot-count').press('Enter');
    await expect(paraLine.getByTestId('lot-count')).toBeFocused();
    await paraLine.getByTestId('lot-count').fill(String(PARA.quantity));
    await paraLine.getByTestId('lot-count').press('Enter');
    await expect(paraLine).toHaveAttribute('data-counted', String(PARA.quantity));
    await expect(page.getByTestId('sheet-saved')).toHaveAttribute('data-state', 'saved');
    await expect(page.getByTestId('progress-total')).toHaveText(msg(t.common.progress, { counted: 6, total: 7 }));
    sheet = await ok<CountSheet>(app, 'stockchecks.sheet', { id: checkId });
    expect(sheet.lots.map((l) => [l.lotNumber, l.counted])).toEqual([[BALL.lotNumber, BALL.quantity - 50], [PARA.lotNumber, PARA.quantity]]);

    // Blind on screen: no book quantity in the text (the counts typed are in the boxes, not the text).
    const onScreen = flat(await page.locator('main').innerText());
    for (const w of [...writings(BALL.quantity), ...writings(PARA.quantity)]) expect(onScreen).not.toContain(w);

    // The count sheet, printed: every item to count, in the chosen language, and no book quantity or status.
    await page.getByTestId('print-count-sheet').click();
    const sheetPdf = await saveDocument(page);
    const sheetText = flat(sheetPdf.text);
    expect(sheetText).toContain(t.print.countSheet);
    for (const w of [ak1, ak2, ak3, pa1, pa2]) {
      expect(sheetText).toContain(w.serial);
      expect(sheetText).toContain(w.nationalCode);
    }
    expect(sheetText).not.toContain(seed.away.serial);
    expect(sheetText).toContain(BALL.lotNumber);
    expect(sheetText).toContain(PARA.lotNumber);
    expect(sheetText).toContain(t.field.present);
    for (const w of [...writings(BALL.quantity), ...writings(PARA.quantity)]) expect(sheetText).not.toContain(w);
    expect(sheetText).not.toContain(reg.field.status);
    expect(sheetText).not.toContain(reg.status.in_store);
    // Each weapon fully identified: make and model, calibre.
    const pistolRow = page.locator(`[data-testid="count-sheet-weapons"] tr[data-weapon="${pa1.id}"]`);
    await expect(pistolRow).toContainText('Beretta 92FS');
    await expect(pistolRow).toContainText('9x19mm');
    expect(sheetText).toContain('Beretta 92FS');
    expect(sheetText).toContain(msg(p.pageOf, { page: 1, pages: sheetPdf.pages }));
    expect(sheetText).toContain(p.signature.counter);
    expect(sheetText).toContain(p.signature.witness);
    await page.getByTestId('print-back').click();
    await expect(screen).toHaveAttribute('data-status', 'open');

    // Closing: a wrong witness password, then the counter as their own witness, are refused on the field.
    await page.getByTestId('check-close').click();
    const dialog = page.getByTestId('close-check-dialog');
    await expect(dialog.getByTestId('close-uncounted')).toBeVisible();
    await expect(dialog.getByTestId('close-counter')).toContainText(STOREKEEPER.fullName);
    await dialog.locator('#witness-username').fill(WITNESS.username);
    await dialog.locator('#witness-password').fill('pas-le-bon');
    await dialog.getByTestId('close-submit').click();
    await expect(dialog.getByTestId('error-witness-username')).toHaveText(fe.approver_bad_credentials);
    await expect(dialog.locator('#witness-password')).toHaveValue('');
    await dialog.locator('#witness-username').fill(STOREKEEPER.username);
    await dialog.locator('#witness-password').fill(STOREKEEPER.password);
    await dialog.getByTestId('close-submit').click();
    await expect(dialog.getByTestId('error-witness-username')).toHaveText(fe.approver_same_person);
    expect((await ok<CheckRow[]>(app, 'stockchecks.list', {}))[0]?.status).toBe('open');
    await dialog.locator('#witness-username').fill(WITNESS.username);
    await dialog.locator('#witness-password').fill(WITNESS.password);
    await dialog.locator('#close-note').fill('Clôture en présence du témoin');
    await dialog.getByTestId('close-submit').click();

    // The inventory report on screen.
    await expect(screen).toHaveAttribute('data-status', 'closed');
    await expect(page.getByTestId('report-witness')).toContainText(WITNESS.fullName);
    const totals = { weaponsBook: 5, weaponsCounted: 4, weaponsMissing: 1, weaponsUnexpected: 0, unknown: 1, lotsBook: 2, lotsDifferent: 1, cases: 3 };
    for (const [id, n] of Object.entries(totals)) await expect(page.getByTestId(`total-${id}`)).toHaveText(String(n));
    await expect(page.getByTestId('report-missing').getByTestId('report-weapon')).toHaveCount(1);
    await expect(page.getByTestId('report-missing')).toContainText(ak3.serial);
    await expect(page.getByTestId('report-unknown')).toContainText(UNKNOWN);
    const ballReport = page.locator(`[data-testid="report-lot"][data-lot="${seed.ball}"]`);
    await expect(ballReport).toHaveAttribute('data-difference', '-50');
    await expect(ballReport.getByTestId('lot-difference')).toHaveText(`−${number.format(50)}`);
    await expect(page.locator(`[data-testid="report-lot"][data-lot="${seed.para}"]`)).toHaveAttribute('data-difference', '0');
    await expect(page.getByTestId('report-cases-table').getByTestId('case-row')).toHaveCount(3);
    const report = await ok<{ cases: { id: number; subject: string; lot: { id: number } | null; weapon: { id: number } | null }[] }>(app, 'stockchecks.report', { id: checkId });
    const lotCase = report.cases.find((c) => c.subject === 'rounds');
    const weaponCase = report.cases.find((c) => c.weapon?.id === ak3.id);
    if (!lotCase || !weaponCase) throw new Error('cases not opened');
    await expect(ballReport.getByTestId('report-case-link')).toHaveAttribute('data-case', String(lotCase.id));
    await expect(page.getByTestId('report-missing').getByTestId('report-case-link')).toHaveAttribute('data-case', String(weaponCase.id));

    // The unknown code's case says the code and the check, which links back to the report.
    await page.getByTestId('report-unknown').getByTestId('report-case-link').click();
    await expect(page.getByTestId('case-dossier')).toBeVisible();
    await expect(page.getByTestId('case-code')).toHaveText(UNKNOWN);
    await expect(page.getByTestId('case-check')).toHaveText(msg(cases.checkNumber, { id: checkId }));
    await expect(page.getByTestId('case-place')).toHaveCount(0);
    await page.getByTestId('case-check').click();
    await expect(screen).toHaveAttribute('data-status', 'closed');

    // The inventory report, printed: totals, differences, case numbers, the journal head, page x / y, signatures.
    await page.getByTestId('print-inventory').click();
    const pv = await saveDocument(page);
    const head = await ok<JournalHead>(app, 'journal.head', {});
    const pvText = flat(pv.text);
    expect(pvText).toContain(t.print.inventory);
    expect(pvText).toContain(flat(msg(p.journalHead, { seq: number.format(head.seq), hash: '' }).trim()));
    expect(pvText.replace(/\s+/g, '')).toContain(head.hash);
    expect(pv.pageTexts[0]).toContain(msg(p.pageOf, { page: 1, pages: pv.pages }));
    expect(flat(pv.pageTexts[0] ?? '')).toContain(flat(`${t.print.inventory} · ${ARMOURY.code}`));
    const line = (label: string, n: number) => new RegExp(`${label.replace(/[()]/g, '\\$&')}\\s+${n}\\b`);
    expect(pvText).toMatch(line(t.totals.weaponsBook, 5));
    expect(pvText).toMatch(line(t.totals.weaponsCounted, 4));
    expect(pvText).toMatch(line(t.totals.weaponsMissing, 1));
    expect(pvText).toMatch(line(t.totals.lotsDifferent, 1));
    expect(pvText).toMatch(line(t.totals.cases, 3));
    expect(pvText).toContain(ak3.serial);
    expect(pvText).toContain(UNKNOWN);
    // BALL: book, counted and the difference, on one line.
    expect(pvText).toMatch(new RegExp(`${BALL.lotNumber}.*${flat(number.format(BALL.quantity))}\\s+${flat(number.format(BALL.quantity - 50))}\\s+−50`));
    for (const c of report.cases) expect(pvText).toContain(msg(t.report.case, { id: c.id }));
    const last = flat(pv.pageTexts[pv.pages - 1] ?? '');
    for (const role of ['counter', 'witness', 'manager'] as const) expect(last).toContain(flat(p.signature[role]));
    expect(last).toContain(STOREKEEPER.fullName);
    expect(last).toContain(WITNESS.fullName);
    await page.getByTestId('print-back').click();
    await expect(screen).toHaveAttribute('data-status', 'closed');

    // The list says it is closed, by whom, and how much was counted.
    await page.getByTestId('check-back').click();
    const row = page.locator(`[data-testid="check-row"][data-check="${checkId}"]`);
    await expect(row).toHaveAttribute('data-status', 'closed');
    await expect(row).toContainText(WITNESS.fullName);
    await expect(row.getByTestId('check-progress')).toHaveText(msg(t.common.progress, { counted: 6, total: 7 }));
    // A full inventory was closed today: the schedule counts from it.
    await expect(page.getByTestId('schedule-full')).toHaveAttribute('data-overdue', 'false');
    await expect(page.getByTestId('schedule-full-last')).not.toHaveText(t.schedule.never);
  });
}
