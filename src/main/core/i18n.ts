import { createInstance, type TFunction } from 'i18next';
import type { Language } from '../../shared/domain/enums';
import enAccounts from '../../../locales/en/accounts.json';
import enAmmunition from '../../../locales/en/ammunition.json';
import enApp from '../../../locales/en/app.json';
import enCases from '../../../locales/en/cases.json';
import enCommission from '../../../locales/en/commission.json';
import enCommon from '../../../locales/en/common.json';
import enCustody from '../../../locales/en/custody.json';
import enEnums from '../../../locales/en/enums.json';
import enErrors from '../../../locales/en/errors.json';
import enFieldErrors from '../../../locales/en/fieldErrors.json';
import enHandover from '../../../locales/en/handover.json';
import enOfficers from '../../../locales/en/officers.json';
import enPrint from '../../../locales/en/print.json';
import enRegister from '../../../locales/en/register.json';
import enRegisterPrint from '../../../locales/en/registerPrint.json';
import enReports from '../../../locales/en/reports.json';
import enSetup from '../../../locales/en/setup.json';
import enSheets from '../../../locales/en/sheets.json';
import enShell from '../../../locales/en/shell.json';
import enSnapshots from '../../../locales/en/snapshots.json';
import enStockcheck from '../../../locales/en/stockcheck.json';
import frAccounts from '../../../locales/fr/accounts.json';
import frAmmunition from '../../../locales/fr/ammunition.json';
import frApp from '../../../locales/fr/app.json';
import frCases from '../../../locales/fr/cases.json';
import frCommission from '../../../locales/fr/commission.json';
import frCommon from '../../../locales/fr/common.json';
import frCustody from '../../../locales/fr/custody.json';
import frEnums from '../../../locales/fr/enums.json';
import frErrors from '../../../locales/fr/errors.json';
import frFieldErrors from '../../../locales/fr/fieldErrors.json';
import frHandover from '../../../locales/fr/handover.json';
import frOfficers from '../../../locales/fr/officers.json';
import frPrint from '../../../locales/fr/print.json';
import frRegister from '../../../locales/fr/register.json';
import frRegisterPrint from '../../../locales/fr/registerPrint.json';
import frReports from '../../../locales/fr/reports.json';
import frSetup from '../../../locales/fr/setup.json';
import frSheets from '../../../locales/fr/sheets.json';
import frShell from '../../../locales/fr/shell.json';
import frSnapshots from '../../../locales/fr/snapshots.json';
import frStockcheck from '../../../locales/fr/stockcheck.json';

/**
 * Core's own translations, for the files it writes in the user's language (spreadsheet exports'
 * headers, import error reports): the same locale files as the screens, bundled statically so that
 * the CLI, the tests and Electron's main read them alike.
 */
const resources = {
  en: { accounts: enAccounts, ammunition: enAmmunition, app: enApp, cases: enCases, commission: enCommission, common: enCommon, custody: enCustody, enums: enEnums, errors: enErrors, fieldErrors: enFieldErrors, handover: enHandover, officers: enOfficers, print: enPrint, register: enRegister, registerPrint: enRegisterPrint, reports: enReports, setup: enSetup, sheets: enSheets, shell: enShell, snapshots: enSnapshots, stockcheck: enStockcheck },
  fr: { accounts: frAccounts, ammunition: frAmmunition, app: frApp, cases: frCases, commission: frCommission, common: frCommon, custody: frCustody, enums: frEnums, errors: frErrors, fieldErrors: frFieldErrors, handover: frHandover, officers: frOfficers, print: frPrint, register: frRegister, registerPrint: frRegisterPrint, reports: frReports, setup: frSetup, sheets: frSheets, shell: frShell, snapshots: frSnapshots, stockcheck: frStockcheck },
};

const cache = new Map<Language, TFunction>();

export function translator(language: Language): TFunction {
  let t = cache.get(language);
  if (!t) {
    const i18n = createInstance();
    void i18n.init({
      resources, lng: language, fallbackLng: false, ns: Object.keys(resources.en), defaultNS: 'common',
      interpolation: { escapeValue: false }, initAsync: false,
    });
    t = i18n.t.bind(i18n);
    cache.set(language, t);
  }
  return t;
}
