import type { Me } from '../../common/auth';
import { useOpenCount } from '../../features/unknown-contacts/use-open-count';
import { useUnheardCount } from '../../features/voicemail/voicemail-api';
import { NavLink } from './nav-link';
import { adminSections, paths } from './paths';
import type { Area } from './route-table';

/**
 * The signed-in person's screens: the phone's panes, and the team board and admin console for those who may.
 * Voicemail and Unknown callers carry what waits there, live from the same queries as their screens.
 */
export function AppNav({ me }: { me: Me }) {
  const oversees = me.role === 'supervisor' || me.role === 'admin';
  const unheard = useUnheardCount();
  const unclaimed = useOpenCount(me.id);
  return (
    <nav className="app-nav" aria-label="Main">
      <NavLink href={paths.keypad} exact>
        Keypad
      </NavLink>
      <NavLink href={paths.contacts}>Contacts</NavLink>
      <NavLink href={paths.calls}>Calls</NavLink>
      <NavLink href={paths.voicemail} waiting={{ count: unheard, what: 'unheard' }}>
        Voicemail
      </NavLink>
      <NavLink href={paths.unknownCallers} waiting={{ count: unclaimed, what: 'unclaimed' }}>
        Unknown callers
      </NavLink>
      {oversees && <NavLink href={paths.team}>Team</NavLink>}
      {me.role === 'admin' && <NavLink href={paths.admin}>Admin console</NavLink>}
    </nav>
  );
}

/** The screens inside the team and admin areas. */
export function AreaNav({ area }: { area: Area }) {
  if (area === 'team')
    return (
      <nav className="area-nav" aria-label="Team">
        <NavLink href={paths.team} exact>
          Board
        </NavLink>
        <NavLink href={paths.teamUnknownCallers}>All unknown callers</NavLink>
        <NavLink href={paths.whoWouldRing}>Who would ring?</NavLink>
      </nav>
    );
  if (area === 'admin')
    return (
      <nav className="area-nav" aria-label="Admin sections">
        {adminSections.map((s) => (
          <NavLink key={s.id} href={paths.adminSection(s.id)}>
            {s.label}
          </NavLink>
        ))}
      </nav>
    );
  return null;
}
