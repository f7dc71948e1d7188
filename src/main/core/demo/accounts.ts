/** The demo armoury's accounts, shown on its login screen (never used for a real armoury). */
export const DEMO_PASSWORD = 'demo-gardien';

export const DEMO_ACCOUNTS = [
  { username: 'chef', password: DEMO_PASSWORD, role: 'manager' },
  { username: 'magasinier', password: DEMO_PASSWORD, role: 'storekeeper' },
  { username: 'inspecteur', password: DEMO_PASSWORD, role: 'auditor' },
] as const;
