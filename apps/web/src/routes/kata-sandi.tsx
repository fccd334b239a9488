/** /akun/kata-sandi — change one's own password (current + new + confirmation, ≥ 10 chars). */
import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ui/error-alert.tsx';
import { PageHeader } from '../components/ui/page-header.tsx';
import { changePassword, meQuery, useMe } from '../features/auth/api.ts';
import { isApiError } from '../lib/api/errors.ts';
import { useForm } from '../lib/use-form.ts';

const MIN_PASSWORD = 10;

export function PasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const empty = { currentPassword: '', newPassword: '', confirm: '' };
  const form = useForm(empty, (v) => ({
    currentPassword: v.currentPassword ? undefined : t('validation.required'),
    newPassword:
      v.newPassword.length < MIN_PASSWORD
        ? t('validation.minLength', { count: MIN_PASSWORD })
        : v.newPassword === v.currentPassword
          ? t('password.sameAsOld')
          : undefined,
    confirm: v.confirm === v.newPassword ? undefined : t('password.mismatch'),
  }));

  const save = useMutation({
    mutationFn: () => changePassword(form.values.currentPassword, form.values.newPassword),
    onSuccess: () => {
      form.reset(empty);
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    },
    onError: (error) => {
      form.applyServerErrors(error);
      if (isApiError(error) && error.code === 'INVALID_CREDENTIALS') {
        form.setErrors({ currentPassword: t('password.wrongCurrent') });
      }
    },
  });

  return (
    <Stack maw={480}>
      <PageHeader title={t('password.title')} description={t('password.help', { count: MIN_PASSWORD })} />
      <Paper withBorder p="lg">
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save.reset();
            if (form.validateAll()) save.mutate();
          }}
        >
          <Stack>
            {me.user.mustChangePassword && !save.isSuccess && (
              <Alert color="yellow" data-testid="password-must-change">
                {t('password.mustChange')}
              </Alert>
            )}
            {save.isSuccess && (
              <Alert color="green" data-testid="password-changed" role="status">
                {t('password.changed')}
              </Alert>
            )}
            {save.error && !(isApiError(save.error) && save.error.code === 'INVALID_CREDENTIALS') && (
              <ErrorAlert error={save.error} extra={form.unmatched} />
            )}
            <PasswordInput
              label={t('password.current')}
              autoComplete="current-password"
              required
              data-testid="password-current"
              {...form.text('currentPassword')}
            />
            <PasswordInput
              label={t('password.new')}
              autoComplete="new-password"
              required
              description={t('validation.minLength', { count: MIN_PASSWORD })}
              data-testid="password-new"
              {...form.text('newPassword')}
            />
            <PasswordInput
              label={t('password.confirm')}
              autoComplete="new-password"
              required
              data-testid="password-confirm"
              {...form.text('confirm')}
            />
            <Button type="submit" loading={save.isPending} data-testid="password-submit">
              {t('password.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
