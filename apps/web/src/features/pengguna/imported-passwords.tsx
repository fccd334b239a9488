/** Temporary passwords of users created by an import: shown once, with a copy-all button. */
import { Alert, Button, CopyButton, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../components/ui/import-dialog.tsx';

interface ImportedUser {
  username: string;
  name?: string;
  temporaryPassword?: string;
}

export function ImportedPasswords({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const users = (Array.isArray(result.users) ? result.users : []) as ImportedUser[];
  const withPasswords = users.filter((u) => u.temporaryPassword);
  if (withPasswords.length === 0) return null;
  const text = withPasswords.map((u) => `${u.username}\t${u.temporaryPassword}`).join('\n');
  return (
    <Alert color="yellow" title={t('users.tempPasswordTitle')} data-testid="import-passwords">
      <Text size="sm" mb="xs">
        {t('users.tempPasswordHelp')}
      </Text>
      <ScrollArea.Autosize mah={240}>
        <Table fz="sm" verticalSpacing={2}>
          <Table.Tbody>
            {withPasswords.map((u) => (
              <Table.Tr key={u.username}>
                <Table.Td>{u.name ?? ''}</Table.Td>
                <Table.Td ff="monospace">{u.username}</Table.Td>
                <Table.Td ff="monospace">{u.temporaryPassword}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      <CopyButton value={text}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant="light" mt="xs" onClick={copy}>
            {copied ? t('common.copied') : t('users.copyAll')}
          </Button>
        )}
      </CopyButton>
    </Alert>
  );
}
