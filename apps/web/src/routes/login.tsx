/** /login — username and password; wrong credentials, lockout and rate limit explained. */
import { Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/error-alert.tsx';
import { LanguageSwitch } from '../components/ui/language-switch.tsx';
import { login, meQuery } from '../features/auth/api.ts';
import { useForm } from '../lib/use-form.ts';

const route = getRouteApi('/login');

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { redirect } = route.useSearch();
  const form = useForm({ username: '', password: '' }, (v) => ({
    username: v.username.trim() ? undefined : t('login.usernameRequired'),
    password: v.password ? undefined : t('login.passwordRequired'),
  }));

  const submit = useMutation({
    mutationFn: async () => {
      await login(form.values.username.trim(), form.values.password);
      queryClient.removeQueries();
      await queryClient.fetchQuery(meQuery);
    },
    onSuccess: () => navigate({ href: redirect ?? '/', replace: true }),
    onError: (error) => {
      form.applyServerErrors(error);
      form.set('password', '');
    },
  });

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Stack w="100%" maw={400}>
        <Group justify="space-between">
          <Text fw={800} fz="xl" c="blue.7">
            Zona
          </Text>
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="lg" radius="md" component="main">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              if (form.validateAll()) submit.mutate();
            }}
          >
            <Stack>
              <div>
                <Title order={1} size="h3">
                  {t('login.title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </div>
              {submit.error && <ErrorAlert error={submit.error} extra={form.unmatched} />}
              <TextInput
                label={t('login.username')}
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                autoFocus
                data-testid="login-username"
                {...form.text('username')}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                required
                data-testid="login-password"
                {...form.text('password')}
              />
              <Button type="submit" loading={submit.isPending} data-testid="login-submit" fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
        <Text size="xs" c="dimmed" ta="center">
          {t('login.footer')}
        </Text>
      </Stack>
    </Center>
  );
}
