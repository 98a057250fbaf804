/**
 * Jurors are independent of the networks (SPEC §4): network staff see that the jury examined a
 * dossier, never which juror. The national admin and the jury secretary still see the names.
 */
const JURY_ACTOR_ROLES: readonly string[] = ['jury_secretary', 'jury_member'];
const SEES_JURORS: readonly string[] = ['national_admin', 'jury_secretary'];

interface ActorEvent {
  action: string;
  actor: { userId: string; name?: string; roles: readonly string[] };
  summary?: string;
}

/** The event as `viewer` may see it: a juror's act becomes "the jury" for network staff. */
const juryActorView = <E extends ActorEvent>(event: E, viewer: { roles: readonly string[] }): E => {
  if (viewer.roles.some((r) => SEES_JURORS.includes(r))) return event;
  if (!event.actor.roles.some((r) => JURY_ACTOR_ROLES.includes(r))) return event;
  const { summary: _summary, ...rest } = event;
  return {
    ...rest,
    action: event.action === 'dossier.read_by_jury' ? 'dossier.examined_by_jury' : event.action,
    actor: { userId: 'jury', name: 'Le jury', roles: [] },
  } as unknown as E;
};

export { juryActorView };
