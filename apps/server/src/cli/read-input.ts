/**
 * Reading a command's JSON input from a file or standard input ("-"), with the clear messages
 * the contracts ask for (unreadable file, invalid JSON → exit 2).
 */
import { readFile } from 'node:fs/promises';
import type { CliIo } from './main.ts';

/** The parsed JSON, or a message saying why it could not be read. */
export type JsonInput = { ok: true; value: unknown } | { ok: false; message: string };

/** Reads and parses FILE, or standard input when FILE is "-". */
export async function readJsonInput(file: string, io: CliIo): Promise<JsonInput> {
  const source = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (err as Error).message;
    return { ok: false, message: `cannot read ${source}: ${why}` };
  }
  if (text.trim() === '') return { ok: false, message: `${source} is empty: expected one JSON object` };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, message: `${source} is not valid JSON: ${(err as Error).message}` };
  }
}

/** Writes one JSON document to standard output (the only thing a command prints there). */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
