// Who is logged in, shared by every component (reactive, so templates update on log-in/log-out).
//
//   import { session, loadSession, logIn, logOut, hasRole } from "@/session";
//   session.user    null, or the person from GET /api/engagement/me
//                   ({id, first_name, last_name, email, roles: [...], company, entity, association_ids, ...})
//   session.loaded  false until the first loadSession() has answered
//   await loadSession()              GET /api/engagement/me (after a transparent renewal); 401 → user null.
//                                    Without the tandem_csrf cookie (set with the session, same
//                                    lifetime) nobody is logged in: no request is made.
//                                    Concurrent calls share one request; pass {force: true} to reload.
//   await logIn(email, password)     POST /api/engagement/session; sets session.user; throws ApiError
//                                    (401 wrong credentials, 403 address not verified, 429 throttled).
//   await logOut()                   DELETE /api/engagement/session; session.user becomes null even if
//                                    the call fails (the cookies are then stale anyway).
//   hasRole("association_referent" | "company_admin" | "employee" | "platform_operator")
//   displayName()                    « Camille Martin », or the e-mail when no name is known
import { reactive } from "vue";
import { ApiError, csrfToken, data, engagement } from "@/api";

export interface SessionUser {
  id: string;
  first_name?: string | null;
  last_name?: string | null;
  email?: string;
  roles?: string[];
  [key: string]: any;
}

export const session = reactive<{ user: SessionUser | null; loaded: boolean }>({ user: null, loaded: false });

let loading: Promise<SessionUser | null> | null = null;

export function loadSession({ force = false } = {}): Promise<SessionUser | null> {
  if (session.loaded && !force) return Promise.resolve(session.user);
  if (!csrfToken()) {
    // Logged out: asking /me would only produce a 401 (and a console error) on every first visit.
    session.user = null;
    session.loaded = true;
    return Promise.resolve(null);
  }
  if (!loading) {
    loading = data(engagement.GET("/me"))
      .then((person) => {
        session.user = person as SessionUser;
      })
      .catch((error) => {
        if (!(error instanceof ApiError) || ![401, 403].includes(error.status)) {
          // The page still works logged out; the next call will show the real error where it matters.
          console.warn("Session inconnue :", error.message);
        }
        session.user = null;
      })
      .then(() => {
        session.loaded = true;
        loading = null;
        return session.user;
      });
  }
  return loading;
}

export async function logIn(email: string, password: string) {
  const answer = await data(engagement.POST("/session", { body: { email, password } }));
  session.user = answer.person as SessionUser;
  session.loaded = true;
  return session.user;
}

export async function logOut() {
  try {
    await data(engagement.DELETE("/session"));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) console.warn("Déconnexion :", error instanceof Error ? error.message : error);
  } finally {
    session.user = null;
    session.loaded = true;
  }
}

export function hasRole(role: string): boolean {
  return Boolean(session.user && Array.isArray(session.user.roles) && session.user.roles.includes(role));
}

export function displayName(user: SessionUser | null = session.user): string {
  if (!user) return "";
  const name = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return name || user.email || "";
}
