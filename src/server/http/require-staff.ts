import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../common/errors';
import type { Role } from '../../common/auth';
import { readCookie, SESSION_COOKIE, type Sessions } from '../auth/sessions';
import type { StaffRecord, StaffRepo } from '../storage/staff-repo';

export type AuthedRequest = Request & { staff: StaffRecord };

/** Resolves the session cookie to a staff member; answers 401 without one, 403 without the role. */
export function requireStaff(deps: { sessions: Sessions; staff: StaffRepo }, roles?: Role[]) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const staffId = deps.sessions.staffIdFor(readCookie(req.headers.cookie, SESSION_COOKIE));
    const staff = staffId ? deps.staff.findById(staffId) : undefined;
    if (!staff) return next(new AppError('UNAUTHENTICATED', 'Sign in first.'));
    if (roles && !roles.includes(staff.role))
      return next(new AppError('FORBIDDEN', `Only ${roles.join(' or ')} may do this.`));
    (req as AuthedRequest).staff = staff;
    next();
  };
}
