/** Session: who is signed in, login, logout, own password. */
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api, request, setCsrfToken } from '../../lib/api/client.ts';
import type { LoginResponse, Me } from '../../lib/api/types.ts';

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }) => {
    const me = await request<Me>('/api/auth/me', { signal, noAuthRedirect: true });
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 5 * 60_000,
  retry: false,
});

/** The signed-in person; only used below the authenticated layout, where it is loaded. */
export function useMe(): Me {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe() used outside the signed-in layout');
  return data;
}

export async function login(username: string, password: string): Promise<LoginResponse> {
  const res = await request<LoginResponse>('/api/auth/login', {
    method: 'POST',
    body: { username, password },
    noAuthRedirect: true,
  });
  setCsrfToken(res.csrfToken);
  return res;
}

/**
 * Logs out: destroys the server session, leaves for /login, then forgets every cached answer
 * (after leaving, so no signed-in screen refetches with a dead session).
 */
export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await request<void>('/api/auth/logout', { method: 'POST', noAuthRedirect: true });
    } catch {
      // The session may already be gone; leaving is what the person asked for.
    }
    setCsrfToken(null);
    await navigate({ to: '/login', search: { redirect: undefined } });
    queryClient.clear();
  };
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return api.post<void>('/api/auth/password', { currentPassword, newPassword });
}
