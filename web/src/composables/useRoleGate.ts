// The router already sends anonymous visitors to /connexion; this tells a logged-in person without
// the role that a space is not theirs (and which roles would open it).
import { computed } from "vue";
import { session, loadSession, hasRole } from "@/session";

export function useRoleGate(roles: readonly string[]) {
  loadSession();
  const ready = computed(() => session.loaded);
  const allowed = computed(() => session.loaded && roles.some((role) => hasRole(role)));
  return { ready, allowed, session };
}

