import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import en from '../../locales/en/commission.json';
import type { ImportLogRow } from '../../src/shared/contract/commission';
import { TAMPER_REASONS } from '../../src/shared/domain/snapshot';
import {
  ARMOURY_A, ARMOURY_B, armouryWith, commissionReady, commissionTest as test, enrolInUi, expect, exportAt, importInUi, keyOf, must, otherArmouryApp,
  resultRow,
} from './commission-helpers';
import { msg } from './register-helpers';

test('in English: a flipped byte and an unenrolled armoury are refused with their reasons, logged, and add nothing', async ({ app, commission }) => {
  await armouryWith(app, ARMOURY_A, [{ nationalCode: 'ML-GN-000500', serial: 'SKS-1950-77' }]);
  const b = otherArmouryApp();
  try {
    await armouryWith(b.app, ARMOURY_B, [{ nationalCode: 'ML-PN-000501', serial: 'PM-1960-01' }]);
    const genuine = await exportAt(app, true);
    const fromB = await exportAt(b.app, true);
    const keyA = (await keyOf(app)).current;

    // The USB stick: A's file with one bit flipped inside its journal, and B's file as written.
    const incoming = join(commission.dataDir, 'incoming');
    mkdirSync(incoming);
    const bytes = readFileSync(genuine.path);
    const at = bytes.indexOf(Buffer.from('SKS-1950-77'));
    expect(at).toBeGreaterThan(0);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const flippedName = basename(genuine.fileName, '.gsnap') + '-copy.gsnap';
    writeFileSync(join(incoming, flippedName), bytes);
    copyFileSync(fromB.path, join(incoming, fromB.fileName));

    await commissionReady(commission, 'en');
    const page = commission.page;
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.armouries.title);
    await enrolInUi(page, ARMOURY_A.armoury, keyA.publicKey, keyA.fingerprint);

    // A folder without snapshot files imports nothing, and says so.
    const empty = join(commission.dataDir, 'empty');
    mkdirSync(empty);
    await page.getByTestId('nav-imports').click();
    commission.dialog.next = [empty];
    await page.getByTestId('import-folder').click();
    await expect(page.getByTestId('import-nothing')).toHaveText(en.import.nothingChosen);
    await expect(page.getByTestId('import-results')).toHaveCount(0);

    // "Choose a folder…": both files of the folder, each with its verdict.
    await importInUi(commission, [incoming], true);
    await expect(page.getByTestId('import-summary')).toHaveText(msg(en.import.summary, { accepted: 0, duplicate: 0, rejected: 2 }));
    const log = await must<{ rows: ImportLogRow[]; total: number }>(commission.app, 'commission.imports', {});
    const flippedLog = log.rows.find((r) => r.fileName === flippedName);
    const fromBLog = log.rows.find((r) => r.fileName === fromB.fileName);
    expect(flippedLog?.reason && TAMPER_REASONS.includes(flippedLog.reason)).toBe(true);
    expect(flippedLog?.tamper).toBe(true);
    expect(fromBLog?.reason).toBe('armoury_not_enrolled');
    expect(fromBLog?.tamper).toBe(false);

    const flipped = resultRow(page, flippedName);
    await expect(flipped).toContainText(en.outcome.rejected);
    await expect(flipped.getByTestId('reject-reason')).toHaveText(en.reason[flippedLog?.reason as keyof typeof en.reason]);
    await expect(flipped).toContainText(flippedLog?.detail ?? '-');
    await expect(resultRow(page, fromB.fileName).getByTestId('reject-reason')).toHaveText(en.reason.armoury_not_enrolled);

    // The log keeps both, newest first, the altered file flagged as possible tampering.
    const logTable = page.getByTestId('import-log');
    await expect(logTable.locator('tbody tr')).toHaveCount(2);
    await expect(logTable.locator(`tr[data-file="${flippedName}"]`).getByTestId('tamper-flag')).toHaveText(en.import.tamper);
    await expect(logTable.locator(`tr[data-file="${fromB.fileName}"]`).getByTestId('tamper-flag')).toHaveCount(0);
    await expect(logTable.locator(`tr[data-file="${flippedName}"]`).getByTestId('reject-reason')).toHaveText(en.reason[flippedLog?.reason as keyof typeof en.reason]);

    // Nothing from either file entered the register.
    await page.getByTestId('nav-register').click();
    await expect(page.getByTestId('weapons-count')).toHaveText(msg(en.register.count_other, { n: 0 }));

    // The tampering shows among the alerts, with the way to the log.
    await page.getByTestId('nav-alerts').click();
    const tampered = page.getByTestId('alerts-tampered_import');
    await expect(tampered.locator('li')).toHaveCount(1);
    await expect(tampered.locator('li')).toContainText(flippedName);
    await expect(tampered.locator('li')).toContainText(en.reason[flippedLog?.reason as keyof typeof en.reason]);
    await tampered.getByTestId('alert-open').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.import.title);

    // The genuine file still imports: the rejection left the register as it was.
    await importInUi(commission, [genuine.path]);
    await expect(resultRow(page, genuine.fileName)).toContainText(en.outcome.accepted);
    await expect(page.getByTestId('import-log').locator('tbody tr').first()).toHaveAttribute('data-file', genuine.fileName);
    await page.getByTestId('nav-register').click();
    await expect(page.getByTestId('weapons-count')).toHaveText(msg(en.register.count_one, { n: 1 }));
  } finally {
    b.dispose();
  }
});
