import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../locales/en/backups.json';
import fr from '../../locales/fr/backups.json';
import frOpErrors from '../../locales/fr/errors.json';
import frErrors from '../../locales/fr/fieldErrors.json';
import { GardienApp } from '../../src/main/core/app';
import type { BackupStatus } from '../../src/shared/domain/backup';
import { expect, test, timedTest } from './fixtures';
import { ARMOURY, MANAGER, STOREKEEPER, must, prepareArmoury, signIn, signOut } from './helpers';
import { msg, re, registerWeapon } from './register-helpers';

const PASSPHRASE = 'la clé est dans le coffre du chef';
const DAY = 24 * 60 * 60 * 1000;

/** Backups set up through core, as a manager would in the settings: the folder granted as the dialog does. */
async function configureThroughCore(app: Parameters<typeof must>[0], folder: string): Promise<void> {
  app.grantBackupPaths([folder]);
  await must(app, 'backups.configure', { folder, passphrase: PASSPHRASE, confirm: PASSPHRASE });
}

test('a manager sets up backups in the settings, backs up now, and sees the file on the stick and in the status', async ({
  app,
  dataDir,
  snapshotChoice,
  gardienPage: page,
}) => {
  const usb = join(dataDir, 'usb-stick');
  mkdirSync(usb);
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await page.getByTestId('nav-settings').click();

  const panel = page.getByTestId('backups');
  await expect(panel.getByRole('heading', { name: fr.title, exact: true })).toBeVisible();
  await expect(page.getByTestId('backup-last-none')).toHaveText(fr.status.none);
  await expect(page.getByTestId('backup-not-configured')).toHaveText(fr.status.missing.both);

  // The folder: the system's dialog (answered by the spec), saved at once.
  snapshotChoice.paths = [usb];
  await page.getByTestId('backup-folder-choose').click();
  await expect(page.getByTestId('backup-folder-saved')).toBeVisible();
  await expect(page.getByTestId('backup-folder-path')).toHaveText(usb);
  await expect(page.getByTestId('backup-not-configured')).toHaveText(fr.status.missing.passphrase);

  // The passphrase: too short, then two that differ, each said on its field; then set, and the fields emptied.
  await page.locator('#backup-passphrase').fill('court');
  await page.locator('#backup-confirm').fill('court');
  await page.getByTestId('backup-passphrase-save').click();
  await expect(page.getByTestId('error-backup-passphrase')).toBeVisible();
  await page.locator('#backup-passphrase').fill(PASSPHRASE);
  await page.locator('#backup-confirm').fill(`${PASSPHRASE}!`);
  await page.getByTestId('backup-passphrase-save').click();
  await expect(page.getByTestId('error-backup-confirm')).toHaveText(frErrors.passphrases_differ);
  await page.locator('#backup-confirm').fill(PASSPHRASE);
  await page.getByTestId('backup-passphrase-save').click();
  await expect(page.getByTestId('backup-passphrase-saved')).toHaveText(fr.passphrase.saved);
  await expect(page.getByTestId('backup-passphrase-state')).toHaveText(fr.passphrase.isSet);
  await expect(page.locator('#backup-passphrase')).toHaveValue('');
  await expect(page.locator('#backup-confirm')).toHaveValue('');
  await expect(page.getByTestId('backup-not-configured')).toHaveCount(0);
  expect(await must<BackupStatus>(app, 'backups.status', {})).toMatchObject({ configured: true, passphraseSet: true, folder: usb });

  // Back up now: the file on the stick is the one the screen names, of the size it says.
  await registerWeapon(app);
  await page.getByTestId('backup-run-start').click();
  await expect(page.getByTestId('backup-run-done')).toBeVisible({ timeout: 30_000 });
  const fileName = (await page.getByTestId('backup-run-file').textContent()) ?? '';
  expect(fileName).toMatch(/^ML-KYS-02-\d{8}-\d{6}\.gbak$/);
  expect(readdirSync(usb)).toEqual([fileName]);
  await expect(page.getByTestId('backup-run-size')).toHaveAttribute('data-bytes', String(statSync(join(usb, fileName)).size));
  const status = await must<BackupStatus>(app, 'backups.status', {});
  expect(status.lastGood).toMatchObject({ fileName, folder: usb, reason: 'manual' });
  await expect(page.getByTestId('backup-run-head')).toHaveText(/^[0-9a-f]{64}$/);
  // The status above reads the new backup.
  await expect(page.getByTestId('backup-last-file')).toHaveText(fileName);
  await expect(page.getByTestId('backup-last-at')).toHaveAttribute('data-at', status.lastGood?.at ?? '');

  // When to back up: saved through core, and kept after a reload.
  await page.locator('#backup-keep').fill('3');
  await page.getByTestId('backup-onClose').uncheck();
  await page.getByTestId('backup-schedule-save').click();
  await expect(page.getByTestId('backup-schedule-saved')).toBeVisible();
  expect((await must<BackupStatus>(app, 'backups.status', {})).settings).toMatchObject({ keep: 3, onClose: false, daily: true, warnAfterDays: 7 });
  await page.reload();
  await page.getByTestId('nav-settings').click();
  await expect(page.locator('#backup-keep')).toHaveValue('3');
  await expect(page.getByTestId('backup-onClose')).not.toBeChecked();
  await expect(page.getByTestId('backup-daily')).toBeChecked();
});

timedTest('the dashboards warn managers and storekeepers when backups are not set up, then when the last one is too old', async ({
  app,
  dataDir,
  offset,
  gardienPage: page,
}) => {
  const usb = join(dataDir, 'usb-stick');
  mkdirSync(usb);
  await prepareArmoury(app, page, { storekeeper: true });
  await signIn(page, STOREKEEPER);
  await page.getByTestId('nav-custody').click();
  const notice = page.getByTestId('backup-notice');
  await expect(notice).toHaveAttribute('data-state', 'not-configured');
  await expect(page.getByTestId('backup-notice-text')).toHaveText(fr.notice.notConfigured.other);
  await page.getByTestId('nav-ammunition').click();
  await expect(page.getByTestId('backup-notice-text')).toHaveText(fr.notice.notConfigured.other);
  await signOut(page);

  // A manager is told to set them up; once set up and backed up, no notice.
  await signIn(page, MANAGER);
  await page.getByTestId('nav-custody').click();
  await expect(page.getByTestId('backup-notice-text')).toHaveText(fr.notice.notConfigured.manager);
  await configureThroughCore(app, usb);
  await must(app, 'backups.run', {});
  await page.getByTestId('nav-ammunition').click();
  await expect(page.getByTestId('ammo-dashboard')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await page.getByTestId('nav-custody').click();
  await expect(page.getByTestId('custody-dashboard')).toBeVisible();
  await expect(notice).toHaveCount(0);
  await signOut(page);

  // Nine days later (the warning comes after 7), the page's clock with core's.
  offset.ms += 9 * DAY;
  await page.clock.setFixedTime(new Date(Date.now() + offset.ms));
  await page.reload();
  await signIn(page, STOREKEEPER);
  await page.getByTestId('nav-ammunition').click();
  await expect(notice).toHaveAttribute('data-state', 'overdue');
  // "…date du <date and time>, il y a 9 jours." (the date as Intl writes it in the page).
  const [head, tail] = msg(fr.notice.overdue_other, { n: 9 }).split('{{date}}') as [string, string];
  await expect(page.getByTestId('backup-notice-text')).toHaveText(new RegExp(`^${re(head).source}.+${re(tail).source}$`));
  await page.getByTestId('backup-notice-open').click();
  // Straight to the backups in the settings, for the keyboard too.
  await expect(page.locator('#settings-backups')).toBeFocused();
  await expect(page.getByTestId('backup-overdue')).toHaveText(msg(fr.status.overdue_other, { n: 7 }));
  // A storekeeper reads the settings, and cannot change them.
  await expect(page.getByTestId('backup-settings-readonly')).toBeVisible();
  await expect(page.getByTestId('backup-run-start')).toHaveCount(0);
  await expect(page.getByTestId('restore-open')).toHaveCount(0);
});

test('restore: the wrong passphrase is refused on its field; the backup shows what it holds; the weapon registered after it is gone and the previous database is kept aside', async ({
  app,
  dataDir,
  snapshotChoice,
  gardienPage: page,
}) => {
  test.setTimeout(120_000);
  const usb = join(dataDir, 'usb-stick');
  mkdirSync(usb);
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  await configureThroughCore(app, usb);
  const before = await registerWeapon(app, { serial: 'AVANT-0001' });
  const made = await must<{ fileName: string; headSeq: number; headHash: string }>(app, 'backups.run', {});
  const after = await registerWeapon(app, { serial: 'APRES-0002' });
  const headNow = app.store?.journal.getHead().seq ?? 0;

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('restore-open').click();
  const dialog = page.getByTestId('restore-dialog');
  await expect(dialog).toBeVisible();
  // A file that is not a backup: said in full, the register untouched.
  writeFileSync(join(usb, 'notes.gbak'), 'liste des clés du magasin\n');
  snapshotChoice.paths = [join(usb, 'notes.gbak')];
  await page.getByTestId('restore-choose').click();
  await page.locator('#restore-passphrase').fill(PASSPHRASE);
  await page.getByTestId('restore-inspect').click();
  await expect(page.getByTestId('restore-error')).toHaveText(msg(frOpErrors.backup_not_a_backup, { fileName: 'notes.gbak' }));
  await expect(page.getByTestId('restore-contents')).toHaveCount(0);

  snapshotChoice.paths = [join(usb, made.fileName)];
  await page.getByTestId('restore-choose').click();
  await expect(page.getByTestId('restore-error')).toHaveCount(0);
  await expect(page.getByTestId('restore-path')).toHaveText(join(usb, made.fileName));

  // A wrong passphrase: said on the field, nothing shown of the backup.
  await page.locator('#restore-passphrase').fill('pas la bonne phrase');
  await page.getByTestId('restore-inspect').click();
  await expect(page.getByTestId('error-restore-passphrase')).toHaveText(frErrors.wrong_passphrase);
  await expect(page.locator('#restore-passphrase')).toBeFocused();
  await expect(page.getByTestId('restore-contents')).toHaveCount(0);

  // The right one: the armoury, the date, the journal head, the weapons, and what would be lost.
  await page.locator('#restore-passphrase').fill(PASSPHRASE);
  await page.getByTestId('restore-inspect').click();
  await expect(page.getByTestId('restore-contents')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('restore-armoury')).toContainText('ML-KYS-02');
  await expect(page.getByTestId('restore-head-seq')).toHaveAttribute('data-seq', String(made.headSeq));
  await expect(page.getByTestId('restore-head-hash')).toHaveText(made.headHash);
  await expect(page.getByTestId('restore-weapons')).toHaveText('1');
  await expect(page.getByTestId('restore-behind')).toHaveText(
    msg(headNow - made.headSeq === 1 ? fr.contents.behind_one : fr.contents.behind_other, { n: headNow - made.headSeq }),
  );
  await expect(dialog).toContainText(msg(fr.restore.keptAsideBefore, { base: 'armoury' }));

  // Nothing happens before the confirmation is ticked.
  await expect(page.getByTestId('restore-submit')).toBeDisabled();
  await page.getByTestId('restore-confirm').check();
  await page.getByTestId('restore-submit').click();
  await expect(page.getByTestId('restore-done')).toBeVisible({ timeout: 30_000 });
  const keptAside = (await page.getByTestId('restore-kept-aside').textContent()) ?? '';
  expect(keptAside).toMatch(/^armoury\.before-restore-\d{8}-\d{6}\.sqlite$/);
  expect(existsSync(join(dataDir, keptAside))).toBe(true);

  // Sign in again: the register is the backup's.
  await page.getByTestId('restore-sign-in').click();
  await expect(page.getByTestId('login')).toBeVisible();
  await signIn(page, MANAGER);
  const serials = (app.store?.s.sql('SELECT serial FROM weapons ORDER BY id').all() as { serial: string }[]).map((r) => r.serial);
  expect(serials).toEqual([before.serial]);
  expect(serials).not.toContain(after.serial);
  // The database kept aside still holds the weapon registered after the backup.
  const aside = new Database(join(dataDir, keptAside), { readonly: true, fileMustExist: true });
  try {
    const kept = (aside.prepare('SELECT serial FROM weapons ORDER BY id').all() as { serial: string }[]).map((r) => r.serial);
    expect(kept).toEqual([before.serial, after.serial]);
  } finally {
    aside.close();
  }
});

test('another armoury’s backup is shown for what it is and cannot be restored here', async ({ app, dataDir, snapshotChoice, gardienPage: page }) => {
  const usb = join(dataDir, 'usb-stick');
  mkdirSync(usb);
  // A backup made by another armoury's Gardien, on the same stick.
  const other = new GardienApp({ dataDir: join(dataDir, 'other-pc'), sleep: () => Promise.resolve() }).start();
  let foreign: string;
  try {
    await must(other, 'app.setup', {
      armoury: { ...ARMOURY, code: 'ML-SEG-01', name: 'Armurerie de Ségou' },
      manager: { ...MANAGER, passwordConfirm: MANAGER.password },
    });
    await configureThroughCore(other, usb);
    foreign = (await must<{ fileName: string }>(other, 'backups.run', {})).fileName;
  } finally {
    other.close();
  }
  await prepareArmoury(app, page);
  await signIn(page, MANAGER);
  const headBefore = app.store?.journal.getHead();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('restore-open').click();
  snapshotChoice.paths = [join(usb, foreign)];
  await page.getByTestId('restore-choose').click();
  await page.locator('#restore-passphrase').fill(PASSPHRASE);
  await page.locator('#restore-passphrase').press('Enter');
  await expect(page.getByTestId('restore-armoury')).toContainText('ML-SEG-01');
  await expect(page.getByTestId('restore-other-armoury')).toHaveText(msg(fr.contents.otherArmoury, { code: 'ML-SEG-01' }));
  await expect(page.getByTestId('restore-submit')).toHaveCount(0);
  await expect(page.getByTestId('restore-confirm')).toHaveCount(0);
  // Cancel: nothing changed, nothing kept aside.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('restore-dialog')).toHaveCount(0);
  expect(app.store?.journal.getHead()).toEqual(headBefore);
  expect(readdirSync(dataDir).filter((n) => n.includes('before-restore'))).toEqual([]);
});

test('in English: the notice, the status and the settings speak the armoury’s language', async ({ app, dataDir, snapshotChoice, gardienPage: page }) => {
  const usb = join(dataDir, 'usb-stick');
  mkdirSync(usb);
  await prepareArmoury(app, page, { language: 'en' });
  await signIn(page, MANAGER);
  await page.getByTestId('nav-ammunition').click();
  await expect(page.getByTestId('backup-notice-text')).toHaveText(en.notice.notConfigured.manager);
  await page.getByTestId('backup-notice-open').click();
  await expect(page.locator('#settings-backups')).toBeFocused();
  await expect(page.locator('#settings-backups')).toHaveText(en.title);
  await expect(page.getByTestId('backup-last-none')).toHaveText(en.status.none);
  snapshotChoice.paths = [usb];
  await page.getByTestId('backup-folder-choose').click();
  await expect(page.getByTestId('backup-folder-saved')).toHaveText(en.folder.saved);
  await page.locator('#backup-passphrase').fill(PASSPHRASE);
  await page.locator('#backup-confirm').fill(PASSPHRASE);
  await page.locator('#backup-confirm').press('Enter');
  await expect(page.getByTestId('backup-passphrase-saved')).toHaveText(en.passphrase.saved);
  await page.getByTestId('backup-run-start').click();
  await expect(page.getByTestId('backup-run-done')).toContainText(en.run.done);
  await expect(page.getByTestId('backup-last-at')).toContainText(en.status.today);
});
