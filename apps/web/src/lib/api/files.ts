/** File downloads (templates, workbooks) and xlsx uploads through the API wrapper. */
import { rawRequest, request, type Query } from './client.ts';

function filenameFrom(res: Response, fallback: string): string {
  const header = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain form
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain ? plain[1].trim() : fallback;
}

/** Saves a Blob under a name (an object URL and a temporary link; CSP-safe). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** GETs (or POSTs a JSON body to) a file endpoint and saves the answer. */
export async function downloadFile(
  path: string,
  fallbackName: string,
  opts: { query?: Query; method?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<void> {
  const res = await rawRequest(path, { method: opts.method ?? 'GET', query: opts.query, body: opts.body });
  const blob = await res.blob();
  saveBlob(blob, filenameFrom(res, fallbackName));
}

/** Uploads one file as multipart field `file`. */
export function uploadFile<T>(path: string, file: File, query?: Query): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<T>(path, { method: 'POST', body: form, query });
}
