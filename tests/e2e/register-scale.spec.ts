import { registerMany } from '../../src/main/core/register/service';
import type { WeaponFields } from '../../src/shared/domain/weapon';
import { expect, test } from './fixtures';
import { setUpArmoury } from './register-helpers';

/**
 * Enough weapons that 32-px rows overflow the table's height cap (4,000,000 px): the scroll
 * position must be scaled, and the scrollbar's end must still be the register's last row.
 * (1,000,000 works the same way, with a larger scale; generating it would make the test slow.)
 */
const N = 130_000;
const code = (n: number) => `ML-PN-${String(n).padStart(7, '0')}`;

function bulkWeapon(i: number): WeaponFields {
  return {
    nationalCode: code(i + 1),
    serial: `BLK${String(i + 1).padStart(7, '0')}`,
    manufacturer: 'Norinco', model: 'Type 56', countryOfManufacture: 'CN', yearOfManufacture: 1985, type: 'assault_rifle',
    calibre: '7.62x39mm', markingLocation: 'Boîte de culasse', agency: 'police', location: `Râtelier ${i % 40}`,
    acquisitionDate: '2010-01-01', acquisitionMode: 'procurement', acquisitionSource: '', acquisitionDocument: '',
    condition: 'serviceable', importCountry: '', importYear: null, importer: '', otherMarks: '', marksIllegible: false,
    markingDate: '', markingOperator: '', markingMachine: '', notes: '',
  };
}

test('at 130,000 weapons the register scrolls scaled: the scrollbar end is the last row, the wheel moves row by row', async ({ app, gardienPage: page }) => {
  test.setTimeout(180_000);
  await setUpArmoury(app, page);
  const store = app.store!;
  const actor = app.session!.userId;
  for (let start = 0; start < N; start += 10_000) {
    registerMany(store, actor, Array.from({ length: Math.min(10_000, N - start) }, (_, k) => bulkWeapon(start + k)));
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.reload();

  const grid = page.getByTestId('register-grid');
  await expect(grid).toHaveAttribute('aria-rowcount', String(N + 1));
  const scroller = grid.locator('.reg-scroll');
  const size = await scroller.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
  expect(size.scrollHeight).toBeLessThan(N * 32); // scaled, not laid out 1:1
  expect(size.scrollHeight).toBeLessThanOrEqual(4_000_000);

  // Headless Chromium hides scrollbars, so the drag is what it amounts to: the scrollbar's own
  // scrollTop set to its maximum, then the scroll event the table listens to.
  const box = (await scroller.boundingBox())!;
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  const last = grid.locator(`[data-weapon-id]`).filter({ hasText: code(N) });
  await expect(last).toBeVisible();
  const lastBox = (await last.boundingBox())!;
  expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(box.y + box.height + 1); // fully on screen
  expect(await scroller.evaluate((el) => Math.round(el.scrollTop + el.clientHeight - el.scrollHeight))).toBe(0);

  // Halfway down the scrollbar is halfway through the register.
  await scroller.evaluate((el) => (el.scrollTop = (el.scrollHeight - el.clientHeight) / 2));
  const middle = Number((await grid.locator('[data-weapon-id]').nth(8).getAttribute('data-weapon-id')) ?? 0);
  const firstId = Number((await app.router.call('weapons.list', { limit: 1 }) as { ok: true; value: { rows: { id: number }[] } }).value.rows[0]!.id);
  expect(Math.abs(middle - firstId - N / 2)).toBeLessThan(40);

  // Home, then the wheel: three notches of 96 px move exactly nine rows (not nine times the scale),
  // so the tenth row sits exactly at the top.
  await grid.focus();
  await page.keyboard.press('Home');
  await expect(grid.locator('[data-weapon-id]').filter({ hasText: code(1) })).toBeVisible();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, 96);
  const tenth = grid.locator('[data-weapon-id]').filter({ hasText: code(10) });
  await expect.poll(async () => Math.round((await tenth.boundingBox())?.y ?? -1)).toBe(Math.round(box.y));

  // End on the keyboard reaches the last row too.
  await page.keyboard.press('End');
  await expect(grid.locator('[data-weapon-id]').filter({ hasText: code(N) })).toBeVisible();
  await expect(grid).toHaveAttribute('aria-activedescendant', `reg-row-${N - 1}`);
});
