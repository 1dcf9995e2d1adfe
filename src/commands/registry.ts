/** Every command the bot understands, in the order `help` lists them. Add a spec file and one line here. */
import { acceptCommand } from './accept.js';
import { addCommand } from './add.js';
import { doneCommand } from './done.js';
import { dropCommand } from './drop.js';
import { editCommand } from './edit.js';
import { eventCommand } from './event.js';
import { exportCommand } from './export.js';
import { helpCommand } from './help.js';
import { importCommand } from './import.js';
import { listCommand } from './list.js';
import { remindCommand } from './remind.js';
import { rejectCommand } from './reject.js';
import { reopenCommand } from './reopen.js';
import { reportCommand } from './report.js';
import { reviewCommand } from './review.js';
import { showCommand } from './show.js';
import { snoozeCommand } from './snooze.js';
import { statusCommand } from './status.js';
import { timezoneCommand } from './timezone.js';
import type { CommandSpec } from './spec.js';

export const commands: CommandSpec[] = [
  listCommand,
  addCommand,
  showCommand,
  doneCommand,
  reopenCommand,
  dropCommand,
  editCommand,
  snoozeCommand,
  statusCommand,
  eventCommand,
  timezoneCommand,
  remindCommand,
  importCommand,
  acceptCommand,
  rejectCommand,
  reviewCommand,
  reportCommand,
  exportCommand,
  helpCommand,
];
