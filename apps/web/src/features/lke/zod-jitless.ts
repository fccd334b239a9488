/**
 * zod compiles fast object parsers with `new Function` unless told not to, and it decides that
 * when each schema is built. The strict CSP (script-src 'self', no 'unsafe-eval') forbids it, so
 * this module — imported before @zona/scoring builds its schemas — switches zod's JIT off.
 */
import { z } from 'zod';

z.config({ jitless: true });
