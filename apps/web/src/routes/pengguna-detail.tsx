/** /pengguna/$userId — edit a user, reset their password, manage their role assignments. */
import { Anchor, Badge, Breadcrumbs, Button, Grid, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ui/confirm-dialog.tsx';
import { ErrorBlock, SkeletonBlock } from '../components/ui/list-states.tsx';
import { NotFoundPage } from '../components/ui/not-found-page.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { useMe } from '../features/auth/api.ts';
import { resetPassword, userQuery } from '../features/pengguna/api.ts';
import { RoleAssignments } from '../features/pengguna/role-assignments.tsx';
import { TempPasswordAlert } from '../features/pengguna/temp-password.tsx';
import { UserForm } from '../features/pengguna/user-form.tsx';
import { can } from '../lib/abilities.ts';
import { isApiError } from '../lib/api/errors.ts';
import { takeFlash } from '../lib/flash.ts';

const route = getRouteApi('/app/pengguna/$userId');

export function UserDetailPage() {
  const { t } = useTranslation();
  const { userId } = route.useParams();
  const me = useMe();
  const queryClient = useQueryClient();
  const user = useQuery(userQuery(userId));
  const [tempPassword, setTempPassword] = useState(() => takeFlash(`temp-password:${userId}`) ?? null);
  const [confirmReset, setConfirmReset] = useState(false);
  const reset = useMutation({
    mutationFn: () => resetPassword(user.data?.id ?? userId),
    onSuccess: (res) => {
      setConfirmReset(false);
      setTempPassword(res.temporaryPassword);
    },
  });

  if (user.isError && isApiError(user.error) && user.error.status === 404) return <NotFoundPage />;
  const crumbs = (
    <Breadcrumbs mb="xs">
      <Anchor component={Link} to="/pengguna" size="sm">
        {t('users.title')}
      </Anchor>
      <Text size="sm">{user.data?.name ?? '…'}</Text>
    </Breadcrumbs>
  );
  if (user.isPending) return <Stack>{crumbs}<SkeletonBlock lines={8} /></Stack>;
  if (user.isError) {
    return (
      <Stack>
        {crumbs}
        <ErrorBlock error={user.error} onRetry={() => void user.refetch()} />
      </Stack>
    );
  }
  const u = user.data;
  const canUpdate = can(u, 'user:update', me.permissions);
  const canReset = can(u, 'user:reset_password', me.permissions);

  return (
    <>
      {crumbs}
      <PageHeader
        title={u.name}
        description={
          <>
            {u.username} · NIP <span style={{ fontFamily: 'monospace' }}>{u.nip}</span>{' '}
            {!u.active && (
              <Badge color="gray" variant="light">
                {t('common.inactive')}
              </Badge>
            )}
          </>
        }
        actions={
          canReset && (
            <Button
              variant="default"
              onClick={() => {
                reset.reset();
                setConfirmReset(true);
              }}
              data-testid="user-reset-password"
            >
              {t('users.resetPassword')}
            </Button>
          )
        }
      />
      <Stack>
        {tempPassword && <TempPasswordAlert password={tempPassword} onDismiss={() => setTempPassword(null)} />}
        <Grid>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('users.profile')}
              </Title>
              <UserForm
                key={String(u.id)}
                user={u}
                disabled={!canUpdate}
                onSaved={() => void queryClient.invalidateQueries({ queryKey: ['users'] })}
              />
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Paper withBorder p="md">
              <RoleAssignments user={u} canAssign={can(u, 'user:assign_role', me.permissions)} />
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
      <ConfirmDialog
        opened={confirmReset}
        title={t('users.resetPassword')}
        message={t('users.resetConfirm', { name: u.name })}
        confirmLabel={t('users.resetPassword')}
        loading={reset.isPending}
        error={reset.error}
        onConfirm={() => reset.mutate()}
        onClose={() => setConfirmReset(false)}
      />
    </>
  );
}
