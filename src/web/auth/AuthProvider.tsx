import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import { api, apiEvents, getCsrfToken, isApiError, resetCsrfToken } from '../api/client.ts';
import type { LoginResult, SessionUser } from '../api/types.ts';
import { applyLang, storedLang, type Lang } from '../i18n.ts';

interface AuthValue {
  user: SessionUser | null;
  isLoading: boolean;
  /** /auth/me failed for another reason than 401 (server down, network). */
  loadError: Error | null;
  /** The user pressed "Keluar" (so the sign-in page gets no `next`). */
  signedOut: boolean;
  isAdmin: boolean;
  login(username: string, password: string): Promise<LoginResult>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  setLanguage(lang: Lang): void;
}

const AuthContext = createContext<AuthValue | null>(null);
export const ME_KEY = ['auth', 'me'] as const;

async function fetchMe(): Promise<SessionUser | null> {
  try {
    const res = await api<{ user: SessionUser }>('/auth/me', { quietAuth: true });
    return res.user;
  } catch (e) {
    if (isApiError(e) && e.status === 401) return null;
    throw e;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Pages for anonymous citizens: the public catalogue and results (/publik/…) and the survey form
 * of a QR code (/skm/{kode}; a UUID there is the signed-in survey page). They never ask
 * /api/auth/me, so a citizen's browser logs no 401; a session already known (cached) still shows.
 */
export function isAnonymousPath(pathname: string): boolean {
  if (pathname === '/publik' || pathname.startsWith('/publik/')) return true;
  const skm = /^\/skm\/([^/]+)\/?$/.exec(pathname);
  return !!skm && !UUID.test(decodeURIComponent(skm[1]!));
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  const anonymousPage = isAnonymousPath(useLocation().pathname);
  const me = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: Infinity, retry: 1, enabled: !anonymousPage });
  const user = me.data ?? null;
  // Pending = no answer yet (a 401 answers null): on a signed-in page that is loading.
  const isLoading = !anonymousPage && me.isPending && !me.isError;
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    apiEvents.onUnauthenticated = () => {
      if (qc.getQueryData(ME_KEY)) {
        qc.setQueryData(ME_KEY, null);
        resetCsrfToken();
      }
    };
    apiEvents.onPasswordChangeRequired = () => {
      const u = qc.getQueryData<SessionUser | null>(ME_KEY);
      if (u && !u.mustChangePassword) qc.setQueryData(ME_KEY, { ...u, mustChangePassword: true });
    };
    return () => {
      apiEvents.onUnauthenticated = undefined;
      apiEvents.onPasswordChangeRequired = undefined;
    };
  }, [qc]);

  // The browser's explicit language choice wins; without one, adopt the account's preference.
  useEffect(() => {
    if (!user) return;
    const local = storedLang();
    if (!local) applyLang(user.locale);
    else if (local !== user.locale && !user.mustChangePassword) {
      api('/auth/locale', { method: 'PUT', body: { locale: local } })
        .then(() => qc.setQueryData<SessionUser | null>(ME_KEY, (u) => (u ? { ...u, locale: local } : u)))
        .catch(() => undefined);
    }
  }, [user, qc]);

  const login = useCallback(
    async (username: string, password: string) => {
      const res = await api<LoginResult>('/auth/login', { method: 'POST', body: { username, password }, quietAuth: true });
      resetCsrfToken();
      setSignedOut(false);
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      const user = { ...res.user, mustChangePassword: res.user.mustChangePassword || res.passwordChangeRequired };
      qc.setQueryData(ME_KEY, user);
      void getCsrfToken().catch(() => undefined);
      return res;
    },
    [qc],
  );

  const logout = useCallback(async () => {
    try {
      await api('/auth/logout', { method: 'POST', quietAuth: true });
    } catch {
      /* the session may already be gone */
    }
    resetCsrfToken();
    setSignedOut(true);
    // Keep the `me` query (its observer drives the guards); drop everything else of this user.
    qc.setQueryData(ME_KEY, null);
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
  }, [qc]);

  const refresh = useCallback(async () => {
    resetCsrfToken();
    await qc.invalidateQueries({ queryKey: ME_KEY });
  }, [qc]);

  const setLanguage = useCallback(
    (lang: Lang) => {
      applyLang(lang);
      const u = qc.getQueryData<SessionUser | null>(ME_KEY);
      if (u && !u.mustChangePassword) {
        qc.setQueryData(ME_KEY, { ...u, locale: lang });
        api('/auth/locale', { method: 'PUT', body: { locale: lang } }).catch(() => undefined);
      }
    },
    [qc],
  );

  const value = useMemo<AuthValue>(
    () => ({
      user,
      isLoading,
      loadError: me.error,
      signedOut,
      isAdmin: !!user?.roles.some((r) => r.role === 'admin'),
      login,
      logout,
      refresh,
      setLanguage,
    }),
    [user, isLoading, me.error, signedOut, login, logout, refresh, setLanguage],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** Does the signed-in user hold any of these roles (in any unit)? */
export function hasRole(user: SessionUser | null, ...roles: string[]): boolean {
  return !!user?.roles.some((r) => roles.includes(r.role));
}
