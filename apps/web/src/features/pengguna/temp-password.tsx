import { Alert, Button, Code, CopyButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A temporary password, shown once with a copy button; it is never shown again. */
export function TempPasswordAlert({ password, onDismiss }: { password: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('users.tempPasswordTitle')} data-testid="temp-password-alert" withCloseButton onClose={onDismiss}>
      <Text size="sm">{t('users.tempPasswordHelp')}</Text>
      <Group mt="xs" gap="xs">
        <Code fz="md" data-testid="temp-password">
          {password}
        </Code>
        <CopyButton value={password}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant="light" onClick={copy}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Alert>
  );
}
