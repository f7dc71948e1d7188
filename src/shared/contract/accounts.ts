import { newPassword, newUser, role, type UserRow } from '../domain/accounts';
import { z } from '../validation';
import { op } from './define';

const userId = z.number().int().positive();

export const accountOps = {
  'users.list': op<UserRow[]>()('manage', z.object({}).strict()),
  'users.create': op<UserRow>()('manage', newUser),
  'users.setRole': op<UserRow>()('manage', z.object({ userId, role })),
  'users.resetPassword': op<null>()('manage', z.object({ userId, password: newPassword })),
  'users.disable': op<UserRow>()('manage', z.object({ userId, reason: z.string().trim().min(3).max(300) })),
  'users.enable': op<UserRow>()('manage', z.object({ userId })),
};
