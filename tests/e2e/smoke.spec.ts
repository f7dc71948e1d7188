import { expect, test } from './fixtures';

test('the built renderer loads and reaches the core through the bridge', async ({ gardienPage }) => {
  await expect(gardienPage.locator('#root')).not.toBeEmpty();
});
