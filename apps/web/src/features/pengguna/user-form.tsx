/**
 * The user form: name, NIP (structure checked as you type), username, email, unit, position and
 * an optional first password. Used to create (modal) and to edit (user page).
 */
import { Alert, Button, Group, PasswordInput, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { RemoteSelect } from '../../components/ui/remote-select.tsx';
import { currentLanguage } from '../../i18n/index.ts';
import type { Id, Unit, UserProfile, UserRow } from '../../lib/api/types.ts';
import { useForm } from '../../lib/use-form.ts';
import { createUser, updateUser } from './api.ts';
import { emailError, nipError, passwordError, usernameError } from './validate.ts';

export interface UserSaved {
  user: UserProfile;
  temporaryPassword?: string;
}

interface Props {
  user?: UserRow;
  onSaved: (saved: UserSaved) => void;
  onCancel?: () => void;
  disabled?: boolean;
}

export function UserForm({ user, onSaved, onCancel, disabled }: Props) {
  const { t } = useTranslation();
  const creating = !user;
  const form = useForm(
    {
      name: user?.name ?? '',
      nip: user?.nip ?? '',
      username: user?.username ?? '',
      email: user?.email ?? '',
      unitId: (user?.unitId ?? null) as Id | null,
      position: user?.position ?? '',
      password: '',
      active: user?.active ?? true,
    },
    (v) => ({
      name: v.name.trim() ? undefined : t('validation.required'),
      nip: nipError(v.nip, currentLanguage()),
      username: creating ? usernameError(v.username, t) : undefined,
      email: emailError(v.email, t),
      unitId: v.unitId == null ? t('validation.required') : undefined,
      password: creating ? passwordError(v.password, t) : undefined,
    }),
  );
  const liveNip = form.values.nip.replace(/\s+/g, '').length >= 18 ? nipError(form.values.nip, currentLanguage()) : undefined;

  const save = useMutation({
    mutationFn: async (): Promise<UserSaved> => {
      const v = form.values;
      const input = {
        name: v.name.trim(),
        nip: v.nip.replace(/\s+/g, '') || null,
        email: v.email.trim() || null,
        unitId: v.unitId,
        position: v.position.trim() || null,
      };
      if (user) return { user: await updateUser(user.id, { ...input, active: v.active }) };
      return createUser({ ...input, username: v.username.trim(), ...(v.password ? { password: v.password } : {}) });
    },
    onSuccess: onSaved,
    onError: (error) => form.applyServerErrors(error),
  });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (form.validateAll()) save.mutate();
      }}
    >
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          {save.error && <ErrorAlert error={save.error} extra={form.unmatched} />}
          {save.isSuccess && !creating && (
            <Alert color="green" role="status" data-testid="user-saved">
              {t('users.saved')}
            </Alert>
          )}
          <TextInput label={t('users.name')} required data-testid="user-name" {...form.text('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="NIP"
              inputMode="numeric"
              maxLength={21}
              description={t('users.nipHelp')}
              data-testid="user-nip"
              {...form.text('nip')}
              error={form.errors.nip ?? liveNip}
            />
            <TextInput
              label={t('users.username')}
              required={creating}
              disabled={!creating}
              autoCapitalize="none"
              spellCheck={false}
              data-testid="user-username"
              {...form.text('username')}
            />
            <TextInput label={t('users.email')} type="email" data-testid="user-email" {...form.text('email')} />
            <TextInput label={t('users.position')} data-testid="user-position" {...form.text('position')} />
          </SimpleGrid>
          <RemoteSelect<Unit>
            label={t('users.unit')}
            path="/api/units"
            value={form.values.unitId}
            valueLabel={user?.unitName}
            onChange={(id) => form.set('unitId', id)}
            toLabel={(u) => `${u.name} (${u.code})`}
            error={form.errors.unitId}
            required
            testId="user-unit"
          />
          {!creating && (
            <Switch
              label={t('users.active')}
              description={t('users.activeHelp')}
              checked={form.values.active}
              onChange={(e) => form.set('active', e.currentTarget.checked)}
              data-testid="user-active"
            />
          )}
          {creating && (
            <PasswordInput
              label={t('users.initialPassword')}
              description={t('users.initialPasswordHelp')}
              autoComplete="new-password"
              data-testid="user-password"
              {...form.text('password')}
            />
          )}
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending} data-testid="user-submit">
              {creating ? t('users.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  );
}
