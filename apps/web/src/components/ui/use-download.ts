import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { Query } from '../../lib/api/client.ts';
import { downloadFile } from '../../lib/api/files.ts';
import { useErrorText } from './use-error-text.ts';

/** A file download button's action: pending state for the button, failures as a notification. */
export function useDownload(path: string, fallbackName: string, query?: Query) {
  const errorText = useErrorText();
  return useMutation({
    mutationFn: () => downloadFile(path, fallbackName, { query }),
    onError: (error) => {
      const text = errorText(error);
      notifications.show({ color: 'red', title: text.title, message: text.detail ?? text.requestId ?? '' });
    },
  });
}
