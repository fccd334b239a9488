/** Entry of the signed-in application (index.html). */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient } from './app/query-client.ts';
import { buildRouter } from './app/router.tsx';
import { theme } from './app/theme.ts';
import { initI18n } from './i18n/index.ts';
import { setUnauthenticatedHandler } from './lib/api/client.ts';

initI18n();
const queryClient = createQueryClient();
const router = buildRouter(queryClient);

// A lost session anywhere sends the person to /login and back here afterwards.
setUnauthenticatedHandler(() => {
  const { pathname, href } = router.state.location;
  if (pathname === '/login') return;
  void router
    .navigate({ to: '/login', search: { redirect: href === '/' ? undefined : href } })
    .then(() => queryClient.removeQueries({ queryKey: ['me'] }));
});

const container = document.getElementById('root');
if (!container) throw new Error('#root missing in index.html');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} forceColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
