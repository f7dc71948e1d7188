import fr from '../../locales/fr/commission.json';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import {
  ARMOURY_A, ARMOURY_B, COMMISSION_MANAGER, armouryWith, commissionReady, commissionTest as test, enrolInUi, expect, exportAt, importInUi, keyOf, must,
  otherArmouryApp, resultRow,
} from './commission-helpers';
import { msg, weaponInput } from './register-helpers';

const DAY = 86_400_000;
const MOVED = { nationalCode: 'ML-GN-000700', serial: 'G3-70-0001', manufacturer: 'Heckler & Koch', model: 'G3' };
const GONE = { nationalCode: 'ML-GN-000701', serial: 'G3-70-0002', manufacturer: 'Heckler & Koch', model: 'G3' };

test('keys and transfers: a rotation accepted, a key revoked, a transfer linked across armouries, late transfers and silent armouries', async ({
  app,
  commission,
  commissionClock,
}) => {
  const [moved, gone] = await armouryWith(app, ARMOURY_A, [MOVED, GONE]);
  const b = otherArmouryApp();
  try {
    await armouryWith(b.app, ARMOURY_B, [{ nationalCode: 'ML-PN-000702', serial: 'PM-70-0003' }]);
    const a1 = await exportAt(app, true);
    const b1 = await exportAt(b.app, true);
    const keyA = (await keyOf(app)).current;
    const keyB = (await keyOf(b.app)).current;

    await commissionReady(commission);
    const page = commission.page;
    await enrolInUi(page, ARMOURY_A.armoury, keyA.publicKey, keyA.fingerprint);
    await enrolInUi(page, ARMOURY_B.armoury, keyB.publicKey, keyB.fingerprint);
    await importInUi(commission, [a1.path, b1.path]);
    await expect(page.getByTestId('import-summary')).toHaveText(msg(fr.import.summary, { accepted: 2, duplicate: 0, rejected: 0 }));

    // A sends one rifle to B (B records its arrival under the same transfer id), another to an armoury that never reports it.
    await must<WeaponRecord>(app, 'weapons.transferOut', { weaponId: moved?.id, date: '2024-06-03', transferId: 'TR-2024-017', toArmoury: ARMOURY_B.armoury.code });
    await must<WeaponRecord>(app, 'weapons.transferOut', { weaponId: gone?.id, date: '2024-06-04', transferId: 'TR-2024-018', toArmoury: 'ML-SKS-03' });
    await must<WeaponRecord>(b.app, 'weapons.transferIn', { ...weaponInput(MOVED), acquisitionMode: 'transfer_in', transferId: 'TR-2024-017', fromArmoury: ARMOURY_A.armoury.code });
    // A announces a new key; its next snapshot (signed by the current key) carries the announcement.
    await must(app, 'snapshots.rotateKey', { reason: 'Changement annuel de clé' });
    const nextA = (await keyOf(app)).next;
    expect(nextA).not.toBeNull();
    const a2 = await exportAt(app);
    const b2 = await exportAt(b.app);
    await importInUi(commission, [a2.path, b2.path]);
    await expect(page.getByTestId('import-summary')).toHaveText(msg(fr.import.summary, { accepted: 2, duplicate: 0, rejected: 0 }));

    // The announced key waits for the commission: accepted with the fingerprint of the new certificate.
    await page.getByTestId('nav-armouries').click();
    const rowA = page.locator(`tr[data-armoury="${ARMOURY_A.armoury.code}"]`);
    await expect(rowA.locator(`[data-key-id="${nextA?.keyId}"]`)).toContainText(fr.keyState.announced);
    await rowA.getByTestId(`accept-${nextA?.keyId}`).click();
    const accept = page.getByTestId('accept-dialog');
    await expect(accept).toContainText(nextA?.publicKey ?? '-');
    await accept.locator('#key-fingerprint').fill(nextA?.fingerprint ?? '');
    await accept.getByTestId('dialog-submit').click();
    await expect(page.getByTestId('armouries-done')).toHaveText(msg(fr.armouries.accepted, { keyId: nextA?.keyId ?? '', code: ARMOURY_A.armoury.code }));
    await expect(rowA.locator(`[data-key-id="${nextA?.keyId}"]`)).toHaveAttribute('data-key-state', 'active');
    await expect(rowA.locator(`[data-key-id="${keyA.keyId}"]`)).toContainText(fr.keyState.retired);

    // The next snapshot is signed by the new key and accepted.
    await must(app, 'weapons.register', weaponInput());
    const a3 = await exportAt(app);
    expect(a3.keyId).toBe(nextA?.keyId);
    await importInUi(commission, [a3.path]);
    await expect(resultRow(page, a3.fileName)).toHaveAttribute('data-outcome', 'accepted');

    // Revoked (reason and confirmation): the armoury's next snapshot is refused, flagged as possible tampering.
    await page.getByTestId('nav-armouries').click();
    await rowA.getByTestId(`revoke-${nextA?.keyId}`).click();
    const revoke = page.getByTestId('revoke-dialog');
    await revoke.locator('#revoke-reason').fill('Ordinateur de l’armurerie volé');
    await expect(revoke.getByTestId('dialog-submit')).toBeDisabled();
    await revoke.getByTestId('revoke-confirm').check();
    await revoke.getByTestId('dialog-submit').click();
    await expect(page.getByTestId('armouries-done')).toHaveText(msg(fr.armouries.revoked, { keyId: nextA?.keyId ?? '', code: ARMOURY_A.armoury.code }));
    await expect(rowA.locator(`[data-key-id="${nextA?.keyId}"]`)).toContainText(fr.keyState.revoked);
    await expect(rowA.locator(`[data-key-id="${nextA?.keyId}"]`)).toContainText('Ordinateur de l’armurerie volé');
    await must(app, 'weapons.register', weaponInput());
    const a4 = await exportAt(app);
    await importInUi(commission, [a4.path]);
    await expect(resultRow(page, a4.fileName).getByTestId('reject-reason')).toHaveText(fr.reason.revoked_key);
    await expect(page.getByTestId('import-log').locator(`tr[data-file="${a4.fileName}"]`).getByTestId('tamper-flag')).toBeVisible();

    // The moved rifle's history: its record in both armouries, the transfer out linked to the transfer in.
    await page.getByTestId('nav-register').click();
    await page.getByTestId('trace-input').fill(MOVED.serial);
    const results = page.getByTestId('trace-results');
    await expect(results.locator('tbody tr')).toHaveCount(2);
    await results.locator(`tr[data-armoury="${ARMOURY_A.armoury.code}"] button`).click();
    await expect(page.getByTestId('history-records').locator('tbody tr')).toHaveCount(2);
    const out = page.getByTestId('transfer-out');
    const arrival = page.getByTestId('transfer-in');
    await expect(out).toContainText(msg(fr.history.arrivedAt, { armoury: ARMOURY_B.armoury.code, date: '' }).replace(/\.$/, '').trim());
    await expect(arrival).toContainText(msg(fr.history.leftFrom, { armoury: ARMOURY_A.armoury.code, date: '' }).replace(/\.$/, '').trim());
    await out.getByRole('button').click();
    await expect(page.locator(`li.cm-event[data-type="weapon.transferred_in"]`)).toBeFocused();
    // Held by B only (A's record says transferred out): no double-holding alert.
    await page.getByTestId('nav-alerts').click();
    await expect(page.getByTestId('alerts-active_in_two_armouries')).toHaveCount(0);
    await expect(page.getByTestId('alerts-unmatched_transfer')).toHaveCount(0);

    // Thresholds lowered in Settings, then three days pass at the commission.
    await page.getByTestId('nav-settings').click();
    await page.locator('#cm-transfer-days').fill('1');
    await page.locator('#cm-silent-days').fill('2');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-saved')).toBeVisible();
    commissionClock.offsetMs = 3 * DAY;
    await page.getByTestId('nav-alerts').click();
    // Three days later the session has ended (12 hours at most): the manager signs in again and sees the alerts.
    await expect(page.getByTestId('login-notice')).toBeVisible();
    await page.locator('#login-username').fill(COMMISSION_MANAGER.username);
    await page.locator('#login-password').fill(COMMISSION_MANAGER.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-alerts').click();
    const late = page.getByTestId('alerts-unmatched_transfer');
    await expect(late.locator('li')).toHaveCount(1);
    await expect(late.locator('li')).toContainText(GONE.nationalCode);
    await expect(late.locator('li')).toContainText('ML-SKS-03');
    await expect(late.locator('li')).toContainText('TR-2024-018');
    const silent = page.getByTestId('alerts-silent_armoury');
    await expect(silent.locator('li')).toHaveCount(2);
    await expect(page.getByTestId('alerts-thresholds')).toHaveText(`${msg(fr.alerts.transferThreshold_one, { n: 1 })} ${msg(fr.alerts.silentThreshold_other, { n: 2 })}`);
    await silent.locator(`li[data-armoury="${ARMOURY_B.armoury.code}"]`).getByTestId('alert-open').click();
    await expect(page.locator(`tr[data-armoury="${ARMOURY_B.armoury.code}"]`)).toHaveClass(/cm-row--highlight/);
  } finally {
    b.dispose();
  }
});
