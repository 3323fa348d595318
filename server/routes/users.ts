// How a signed-in person is described to the web app: who they are, their role, what it lets them do, and what the
// team calls the screens (from the settings).
import { type CompiledDefinitions, type ServiceUser, capacityOf } from '../../engine/index.js';
import { abilitiesOf } from '../services/abilities.js';
import type { Viewer } from '../types.js';

export function describeUser(user: Viewer, defs: CompiledDefinitions) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    roleTitle: defs.roles.roles[user.role]?.title ?? user.role,
    demo: user.demo,
    via: user.via,
    abilities: abilitiesOf(defs, user.role),
    screens: defs.settings.screens ?? {},
    // Where the role lands: the cases it must act on, as roles.yaml words it (absent: the role acts on no case).
    ...(defs.roles.roles[user.role]?.landing ? { landing: defs.roles.roles[user.role]!.landing } : {}),
    // An officer the team manager allocates to sees their own capacity beside their caseload.
    capacity: defs.settings.officers?.some((o) => o.username === user.username)
      ? capacityOf(defs.settings, user.username)
      : undefined,
  };
}

export function serviceUser(user: Viewer): ServiceUser {
  return { id: user.username, role: user.role };
}
