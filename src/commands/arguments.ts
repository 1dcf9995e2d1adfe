/** Zod schemas shared by several commands, with messages that say what to type instead. */
import { z } from 'zod';

export const MAX_TITLE = 200;
export const MAX_NOTE = 1000;

/** `C-7`, `c7` and `7` all mean C-7; one pipe (not a union) so a missing id gets its own message. */
export const commitmentId = z
  .string({ error: 'Which commitment? Give its id, like C-3.' })
  .transform((s) =>
    s
      .trim()
      .toUpperCase()
      .replace(/[,;]$/, '')
      .replace(/^C?-?(\d{1,9})$/, 'C-$1'),
  )
  .pipe(z.string().regex(/^C-\d{1,9}$/, { error: 'An id looks like C-3 (see `list`).' }));

export const optionalNote = z
  .string()
  .max(MAX_NOTE, { error: `A note can be at most ${MAX_NOTE} characters.` })
  // `done C-1 C-2` would otherwise mark C-1 done with the note "C-2".
  .refine((s) => !/^(?:C-?\d{1,9}[\s,;]*)+$/i.test(s.trim()), {
    error: 'One id at a time: repeat the command for each (`done C-1`, then `done C-2`).',
  })
  .optional()
  .transform((s) => (s && s.trim() !== '' ? s.trim() : undefined));

export const title = z
  .string()
  .trim()
  .min(1, { error: 'The title is empty: say what was promised, e.g. `add Appoint liaison officers due 2024-03-01`.' })
  .max(MAX_TITLE, { error: `A title can be at most ${MAX_TITLE} characters; put the detail in the source quote.` });
