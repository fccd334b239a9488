/**
 * xlsx import: (choose the instansi,) download the template, pick a file, upload it, then show
 * either the result or the server's per-row error report (sheet, row, column, message). A failed
 * import writes nothing.
 */
import { Alert, Button, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api/errors.ts';
import { downloadFile, uploadFile } from '../../lib/api/files.ts';
import type { Id, Instansi } from '../../lib/api/types.ts';
import { ErrorAlert } from './error-alert.tsx';
import { RemoteSelect } from './remote-select.tsx';

const XLSX = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ImportResult {
  created: number;
  [key: string]: unknown;
}

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  importPath: string;
  templatePath: string;
  templateName: string;
  /** The instansi to import into; when absent the dialog asks for it (both endpoints need it). */
  instansiId?: Id | null;
  onImported: (result: ImportResult) => void;
  /** Extra content for a successful import (e.g. the temporary passwords of imported users). */
  renderSuccess?: (result: ImportResult) => ReactNode;
  testIdPrefix?: string;
}

export function ImportDialog(props: Props) {
  const { opened, onClose, title, importPath, templatePath, templateName, onImported, renderSuccess } = props;
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<Id | null>(null);
  const instansiId = props.instansiId ?? chosen;
  const query = instansiId == null ? undefined : { instansiId };
  const upload = useMutation({
    mutationFn: (f: File) => uploadFile<ImportResult>(importPath, f, query),
    onSuccess: (res) => onImported(res ?? { created: 0 }),
  });
  const template = useMutation({ mutationFn: () => downloadFile(templatePath, templateName, { query }) });
  const failure = upload.error;
  const rows = isApiError(failure) ? failure.rows : [];

  const close = () => {
    setFile(null);
    upload.reset();
    template.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <Stack>
        <Text size="sm">{t('import.help')}</Text>
        {props.instansiId == null && (
          <RemoteSelect<Instansi>
            label={t('import.instansi')}
            path="/api/instansi"
            value={chosen}
            onChange={(id) => {
              setChosen(id);
              upload.reset();
            }}
            toLabel={(i) => i.name}
            required
            testId="import-instansi"
          />
        )}
        <Group>
          <Button
            variant="default"
            disabled={instansiId == null}
            loading={template.isPending}
            onClick={() => template.mutate()}
            data-testid="import-template"
          >
            {t('import.template')}
          </Button>
        </Group>
        {template.error && <ErrorAlert error={template.error} withFields />}
        <FileInput
          label={t('import.file')}
          placeholder={t('import.choose')}
          accept={XLSX}
          value={file}
          onChange={(f) => {
            setFile(f);
            upload.reset();
          }}
          clearable
          data-testid="import-file"
        />
        {upload.isSuccess && (
          <Alert color="green" title={t('import.done')} data-testid="import-result">
            {t('import.created', { count: upload.data?.created ?? 0 })}
          </Alert>
        )}
        {upload.isSuccess && upload.data && renderSuccess?.(upload.data)}
        {failure && rows.length > 0 && (
          <Stack gap="xs">
            <Alert color="red" title={t('import.failed')} role="alert">
              {t('import.failedHelp', { count: rows.length })}
            </Alert>
            <ScrollArea.Autosize mah={320}>
              <Table striped withTableBorder data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.sheet')}</Table.Th>
                    <Table.Th>{t('import.row')}</Table.Th>
                    <Table.Th>{t('import.column')}</Table.Th>
                    <Table.Th>{t('import.message')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => (
                    <Table.Tr key={`${r.sheet}-${r.row}-${r.column}-${i}`}>
                      <Table.Td>{r.sheet ?? '—'}</Table.Td>
                      <Table.Td>{Number.isFinite(r.row) ? r.row : '—'}</Table.Td>
                      <Table.Td>{r.column ?? '—'}</Table.Td>
                      <Table.Td>{r.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </Stack>
        )}
        {failure && rows.length === 0 && <ErrorAlert error={failure} withFields />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.close')}
          </Button>
          <Button
            disabled={!file || instansiId == null}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
            data-testid="import-submit"
          >
            {t('import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
