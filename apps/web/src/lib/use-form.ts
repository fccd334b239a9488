/**
 * A small form state hook: values, client validation, and server field errors mapped by path
 * (`{"fields":[{path:"nip",message}]}` → the `nip` input shows the message).
 */
import { type ChangeEvent, useCallback, useState } from 'react';
import { isApiError } from './api/errors.ts';

export type FormErrors<T> = Partial<Record<keyof T & string, string>>;

/** `body.nip` / `nip` / `user.nip` → the form key it names, when the form has it. */
function keyForPath<T extends object>(values: T, path: string): (keyof T & string) | undefined {
  const parts = path.replace(/^body\./, '').split('.');
  for (let i = 0; i < parts.length; i += 1) {
    const candidate = parts.slice(i).join('.');
    if (candidate in values) return candidate as keyof T & string;
  }
  const last = parts[parts.length - 1];
  return last in values ? (last as keyof T & string) : undefined;
}

export function useForm<T extends object>(initial: T, validate?: (values: T) => FormErrors<T>) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FormErrors<T>>({});
  /** Server field problems that match no input of this form (shown in the form's alert). */
  const [unmatched, setUnmatched] = useState<{ path: string; message: string }[]>([]);

  const set = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] ? { ...e, [key]: undefined } : e));
  }, []);

  /** Runs client validation; true when there is nothing to fix. */
  const validateAll = (): boolean => {
    const found = validate ? validate(values) : {};
    setErrors(found);
    setUnmatched([]);
    return Object.values(found).every((m) => !m);
  };

  /**
   * Shows a server's field errors on their inputs. Returns the problems that match no input
   * (the caller shows them in the form's alert).
   */
  const applyServerErrors = (error: unknown): { path: string; message: string }[] => {
    if (!isApiError(error) || error.fields.length === 0) {
      setUnmatched([]);
      return [];
    }
    const next: FormErrors<T> = {};
    const unmatchedNow: { path: string; message: string }[] = [];
    for (const field of error.fields) {
      const key = keyForPath(values, field.path);
      if (key && !next[key]) next[key] = field.message;
      else if (!key) unmatchedNow.push(field);
    }
    setErrors(next);
    setUnmatched(unmatchedNow);
    return unmatchedNow;
  };

  const reset = (to: T = initial) => {
    setValues(to);
    setErrors({});
    setUnmatched([]);
  };

  /** Props for a text-like Mantine input. */
  const text = <K extends keyof T & string>(key: K) => ({
    value: String(values[key] ?? ''),
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value as T[K]),
    error: errors[key],
  });

  return { values, errors, unmatched, set, setValues, setErrors, validateAll, applyServerErrors, reset, text };
}
