import type { Role } from '../../../common/auth';

export const roleLabels: Record<Role, string> = { agent: 'Agent', supervisor: 'Supervisor', admin: 'Admin' };
export const roles = Object.keys(roleLabels) as Role[];
