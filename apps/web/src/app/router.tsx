/**
 * Code-based routes. Every screen is a lazy chunk (`lazyRouteComponent`), so the first load
 * carries only the shell; the signed-in layout loads `/api/auth/me` before any screen renders and
 * sends people without a session to /login.
 */
import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { ErrorPage } from '../components/ui/error-page.tsx';
import { NotFoundPage } from '../components/ui/not-found-page.tsx';
import { PageLoader } from '../components/ui/page-loader.tsx';
import { meQuery } from '../features/auth/api.ts';
import { AppLayout } from '../features/shell/app-layout.tsx';
import { isApiError } from '../lib/api/errors.ts';

export interface RouterContext {
  queryClient: QueryClient;
}

const PASSWORD_PATH = '/akun/kata-sandi';

/** Only same-site paths are accepted as a post-login destination. */
function safeRedirect(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: safeRedirect(search.redirect),
  }),
  component: lazyRouteComponent(() => import('../routes/login.tsx'), 'LoginPage'),
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  component: AppLayout,
  beforeLoad: async ({ context, location }) => {
    let me;
    try {
      me = await context.queryClient.ensureQueryData(meQuery);
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        throw redirect({ to: '/login', search: { redirect: location.href === '/' ? undefined : location.href } });
      }
      throw error;
    }
    // A temporary password (new account, admin reset) is replaced before anything else.
    if (me.user.mustChangePassword && location.pathname !== PASSWORD_PATH) {
      throw redirect({ to: PASSWORD_PATH });
    }
  },
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(() => import('../routes/home.tsx'), 'HomePage'),
});

const organisasiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisasi',
  component: lazyRouteComponent(() => import('../routes/organisasi.tsx'), 'OrganisasiPage'),
});

const instansiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organisasi/$instansiId',
  component: lazyRouteComponent(() => import('../routes/instansi.tsx'), 'InstansiPage'),
});

const penggunaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengguna',
  component: lazyRouteComponent(() => import('../routes/pengguna.tsx'), 'PenggunaPage'),
});

const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pengguna/$userId',
  component: lazyRouteComponent(() => import('../routes/pengguna-detail.tsx'), 'UserDetailPage'),
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('../routes/audit.tsx'), 'AuditPage'),
});

const lkeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/lke',
  component: lazyRouteComponent(() => import('../routes/lke.tsx'), 'LkePage'),
});

const passwordRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/akun/kata-sandi',
  component: lazyRouteComponent(() => import('../routes/kata-sandi.tsx'), 'PasswordPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  appRoute.addChildren([
    homeRoute,
    organisasiRoute,
    instansiRoute,
    penggunaRoute,
    userRoute,
    auditRoute,
    lkeRoute,
    passwordRoute,
  ]),
]);

export function buildRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultPendingMs: 150,
    defaultNotFoundComponent: NotFoundPage,
    defaultErrorComponent: ErrorPage,
    scrollRestoration: true,
  });
}

export type AppRouter = ReturnType<typeof buildRouter>;

declare module '@tanstack/react-router' {
  interface Register {
    router: AppRouter;
  }
}
