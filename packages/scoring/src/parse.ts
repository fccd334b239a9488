/**
 * Parsing an LKE document: the zod format of schema.ts, then the semantic rules the format
 * alone cannot express (check-lke.ts). Every problem is collected before throwing.
 */
import { checkLkeSemantics } from './check-lke.ts';
import { LkeFormatError, type LkeProblem } from './errors.ts';
import { type LkeDocument, LkeDocumentSchema } from './schema.ts';

/**
 * Parses and checks an LKE document (already read from YAML/JSON into plain data).
 * @throws LkeFormatError listing every format and semantic problem with its path and code.
 */
export function parseLke(doc: unknown): LkeDocument {
  const parsed = LkeDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const problems: LkeProblem[] = parsed.error.issues.map((issue) => {
      const path = issue.path as readonly PropertyKey[];
      const code = codeAtPath(doc, path);
      return { path: formatPath(path), ...(code ? { code } : {}), message: issue.message };
    });
    throw new LkeFormatError(problems);
  }
  const problems = checkLkeSemantics(parsed.data);
  if (problems.length > 0) throw new LkeFormatError(problems);
  return parsed.data;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(document)' : path.map(String).join('.');
}

/** The `code` of the deepest object on the path that has one, so a problem names its item. */
function codeAtPath(doc: unknown, path: readonly PropertyKey[]): string | undefined {
  let node: unknown = doc;
  let code: string | undefined;
  for (const key of path) {
    if (node === null || typeof node !== 'object') break;
    const rec = node as Record<PropertyKey, unknown>;
    if (typeof rec.code === 'string') code = rec.code;
    node = rec[key as keyof typeof rec];
  }
  if (node !== null && typeof node === 'object' && typeof (node as { code?: unknown }).code === 'string') {
    code = (node as { code: string }).code;
  }
  return code;
}
