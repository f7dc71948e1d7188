import type { Page } from '@playwright/test';
import type { GardienApp } from '../../src/main/core/app';
import type { WeaponDossier } from '../../src/shared/contract/register';
import type { WeaponRecord } from '../../src/shared/domain/weapon';
import { expect, test } from './fixtures';
import { MANAGER, must, prepareArmoury, STOREKEEPER } from './helpers';
import { saveDocument } from './pdf-helpers';
import { dateText as date, expectHead, flat, has, LANGS, openDossier, type Lang } from './print-register-helpers';
import { msg, weaponInput } from './register-helpers';

/**
 * The weapon's papers: the dossier, the loss report and the destruction certificate, each saved
 * as PDF from its button and read back with pdftotext, in both languages, with the record's values.
 */
interface Seed {
  lost: WeaponRecord;
  destroyed: WeaponRecord;
  lossSeq: number;
}

const WITNESSES = ['Capitaine Ousmane Diallo', 'Adjudant Fatoumata Sidibé'] as const;

/**
 * Two weapons: one whose loss the storekeeper reports, one declared surplus and destroyed by the
 * manager with the storekeeper approving, before two named witnesses.
 */
async function seed(app: GardienApp, page: Page, lang: Lang): Promise<Seed> {
  await prepareArmoury(app, null, { language: lang, storekeeper: true, signedIn: true });
  const lost = await must<WeaponRecord>(app, 'weapons.register', weaponInput({
    nationalCode: 'ML-GN-7000101', serial: 'AK-556201', manufacturer: 'Izhmash', model: 'AKM', countryOfManufacture: 'RU', yearOfManufacture: 1979,
  }));
  const destroyed = await must<WeaponRecord>(app, 'weapons.register', weaponInput({
    nationalCode: 'ML-GN-7000102', serial: 'BR-99172', manufacturer: 'FN Herstal', model: 'FAL', countryOfManufacture: 'BE', type: 'rifle',
  }));
  await must(app, 'auth.login', { username: STOREKEEPER.username, password: STOREKEEPER.password });
  await must(app, 'weapons.reportLoss', {
    weaponId: lost.id, date: '2024-05-02', circumstances: 'Perdue lors de la patrouille de nuit près du pont de Kayes', reference: 'PV-GEND-2024-118',
  });
  await must(app, 'auth.login', { username: MANAGER.username, password: MANAGER.password });
  const approver = { username: STOREKEEPER.username, password: STOREKEEPER.password };
  await must(app, 'weapons.declareSurplus', { weaponId: destroyed.id, reason: 'Carcasse fissurée, irréparable', reference: 'DEC-2024-09', approver });
  await must(app, 'weapons.destroy', {
    weaponId: destroyed.id, date: '2024-06-14', method: 'cutting', certificate: 'PV-DEST-2024-017', witnesses: [...WITNESSES], approver,
  });
  const dossier = await must<WeaponDossier>(app, 'weapons.get', { id: lost.id });
  const loss = dossier.history.find((e) => e.type === 'weapon.loss_reported');
  if (!loss) throw new Error('no loss event');
  await page.reload();
  return { lost, destroyed, lossSeq: loss.seq };
}

for (const lang of ['fr', 'en'] as const) {
  test(`the dossier, the loss report and the destruction certificate print with the record's values (${lang})`, async ({ app, gardienPage: page }) => {
    const { print: p, register: r, docs: d } = LANGS[lang];
    const { lost, destroyed, lossSeq } = await seed(app, page, lang);

    // The dossier: every field, the current situation, the history oldest first, signatures.
    await openDossier(page, lang, lost.nationalCode);
    await page.getByTestId('dossier-print').click();
    const dossier = await saveDocument(page);
    expect(dossier.pages).toBeGreaterThanOrEqual(1);
    has(dossier, msg(d.dossier.title, { code: lost.nationalCode }));
    has(dossier, msg(d.dossier.subtitle, { make: 'Izhmash AKM', serial: 'AK-556201' }));
    for (const field of ['nationalCode', 'manufacturer', 'model', 'calibre'] as const) has(dossier, r.field[field]);
    has(dossier, 'AK-556201');
    has(dossier, lang === 'fr' ? 'Russie (RU)' : 'Russia (RU)');
    has(dossier, '1979');
    has(dossier, 'BL-2015-044');
    has(dossier, 'Magasin 1 / Râtelier A / 3');
    has(dossier, r.status.lost);
    has(dossier, r.event.registered);
    has(dossier, r.event.loss_reported);
    has(dossier, msg(r.eventDetail.reference, { value: 'PV-GEND-2024-118' }));
    has(dossier, STOREKEEPER.fullName);
    has(dossier, MANAGER.fullName);
    has(dossier, msg(d.dossier.events_other, { n: '2' }));
    // Oldest first: the registration comes before the loss.
    expect(flat(dossier.text).indexOf(r.event.registered)).toBeLessThan(flat(dossier.text).indexOf(r.event.loss_reported));
    has(dossier, p.signature.storekeeper);
    has(dossier, p.signature.manager);
    await expectHead(app, dossier, lang);
    has(dossier, msg(p.pageOf, { page: '1', pages: String(dossier.pages) }));

    // The loss report, from the loss in the history.
    await page.getByTestId('print-back').click();
    await page.getByTestId('history-print-loss').click();
    const loss = await saveDocument(page);
    has(loss, d.loss.titleLoss);
    has(loss, msg(d.loss.subtitle, { code: lost.nationalCode, seq: String(lossSeq) }));
    has(loss, 'AK-556201');
    has(loss, 'Izhmash');
    has(loss, date(lang, '2024-05-02'));
    has(loss, 'Perdue lors de la patrouille de nuit près du pont de Kayes');
    has(loss, 'PV-GEND-2024-118');
    has(loss, msg(d.person, { name: STOREKEEPER.fullName, username: STOREKEEPER.username }));
    has(loss, d.loss.currentStatus);
    has(loss, r.status.lost);
    for (const role of ['reporter', 'manager', 'commander'] as const) has(loss, p.signature[role]);
    await expectHead(app, loss, lang);
    has(loss, msg(p.pageOf, { page: '1', pages: String(loss.pages) }));

    // The destruction certificate, from the destruction in the other weapon's history.
    await page.getByTestId('print-back').click();
    await page.getByTestId('dossier').getByRole('button', { name: r.common.backToRegister }).click();
    await openDossier(page, lang, destroyed.nationalCode);
    await expect(page.getByTestId('history-print-loss')).toHaveCount(0);
    await page.getByTestId('history-print-destruction').click();
    const cert = await saveDocument(page);
    has(cert, d.destruction.titleDestroyed);
    has(cert, msg(d.destruction.subtitle, { code: destroyed.nationalCode, certificate: 'PV-DEST-2024-017' }));
    has(cert, 'BR-99172');
    has(cert, 'FN Herstal');
    has(cert, date(lang, '2024-06-14'));
    has(cert, r.destructionMethod.cutting);
    has(cert, 'PV-DEST-2024-017');
    has(cert, msg(d.person, { name: STOREKEEPER.fullName, username: STOREKEEPER.username })); // the approver
    has(cert, msg(d.person, { name: MANAGER.fullName, username: MANAGER.username })); // who recorded it
    // The witnesses are named in the facts and under their signature blocks.
    for (const w of WITNESSES) expect(flat(cert.text).split(w).length - 1).toBeGreaterThanOrEqual(2);
    for (const role of ['destructionWitness1', 'destructionWitness2', 'manager'] as const) has(cert, p.signature[role]);
    has(cert, msg(d.destruction.statement, { date: date(lang, '2024-06-14'), method: r.destructionMethod.cutting }));
    await expectHead(app, cert, lang);
    has(cert, msg(p.pageOf, { page: '1', pages: String(cert.pages) }));
  });
}
