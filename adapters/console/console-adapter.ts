/**
 * The local console: reads commands from any stream (a TTY or a pipe), prints replies, and prints
 * reminders as they are delivered. Meta-commands `/as <user>` and `/in <channel>` switch identity.
 * On a terminal, readline gives line editing and history (arrows, Ctrl-R); on a pipe, it reads plain lines.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Core } from '../../src/core.js';
import type { ChatAdapter, Delivered, DeliverOptions } from '../../src/ports/chat-adapter.js';
import type { Reply } from '../../src/replies/reply.js';
import { consoleInvocation, type ConsoleIdentity } from './console-input.js';
import { renderForConsole } from './console-renderer.js';

export interface ConsoleOptions {
  core: Core;
  input: Readable;
  output: Writable;
  user: string;
  /** Zone the console shows instants in. */
  timeZone: string;
  /** Echo each command before its reply (on for pipes, so the output reads as a transcript). */
  echo?: boolean;
  prompt?: boolean;
  /** A terminal: line editing and history, seeded with these earlier lines (newest first). */
  terminal?: { history: string[]; onHistory?(history: string[]): void };
}

/** Shown after `help`: the console's own commands are not the bot's, so the core's help cannot list them. */
export const CONSOLE_HELP = 'In this console: /as <user> speaks as someone else, /in <channel> moves to another channel, /quit ends.';

export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console';
  private sent = 0;
  private readonly identity: ConsoleIdentity;
  private lines?: Interface;

  constructor(private readonly options: ConsoleOptions) {
    this.identity = { workspace: 'console', channel: 'local', user: options.user };
  }

  /** Reads commands until the input ends; resolves then with how many lines it acted on. */
  async run(): Promise<number> {
    const terminal = this.options.terminal;
    const lines = createInterface({
      input: this.options.input,
      ...(terminal
        ? { output: this.options.output, terminal: true, history: terminal.history, historySize: 500, removeHistoryDuplicates: true }
        : { terminal: false }),
      crlfDelay: Infinity,
    });
    this.lines = lines;
    if (terminal?.onHistory) lines.on('history', terminal.onHistory);
    let handled = 0;
    this.showPrompt();
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) {
        this.showPrompt();
        continue;
      }
      handled += 1;
      if (this.options.echo) this.write(`> ${line}`);
      if (line === '/quit' || line === '/exit') break;
      if (line.startsWith('/')) this.meta(line);
      else await this.command(line);
      this.showPrompt();
    }
    lines.close();
    return handled;
  }

  async deliver(address: string, reply: Reply, _options: DeliverOptions): Promise<Delivered> {
    const messageId = `console-${++this.sent}`;
    this.write(`[${address}] ${this.render(reply)}`);
    return { messageId };
  }

  async update(address: string, messageId: string, reply: Reply): Promise<void> {
    this.write(`[${address} · updated ${messageId}] ${this.render(reply)}`);
  }

  private async command(line: string): Promise<void> {
    const invocation = consoleInvocation(line, this.identity, this.options.core.clock.now());
    await this.rememberDirectAddresses(invocation.workspace.id, [invocation.user.id, ...invocation.mentions.map((m) => m.id)]);
    const reply = await this.options.core.handle(invocation);
    this.write(this.render(reply));
    if (/^help$/i.test(line)) this.write(CONSOLE_HELP);
  }

  /** The adapter writes user rows (the core does not): console users get a "DM" address, so owner nudges show up here. */
  private async rememberDirectAddresses(workspaceId: string, userIds: string[]): Promise<void> {
    for (const id of new Set(userIds)) {
      const known = await this.options.core.store.users.get(workspaceId, id);
      if (!known?.dmAddress)
        await this.options.core.store.users.upsert({ workspaceId, id, name: known?.name ?? id, dmAddress: `console:dm:${id}` });
    }
  }

  private meta(line: string): void {
    const [word, ...rest] = line.split(/\s+/);
    const value = rest.join(' ').replace(/^[@#]/, '');
    if (word === '/as' && value) {
      this.identity.user = value;
      this.write(`(you are now ${value})`);
    } else if (word === '/in' && value) {
      this.identity.channel = value;
      this.write(`(you are now in console:${value})`);
    } else {
      this.write(`${CONSOLE_HELP} Everything else goes to the bot; try \`help\`.`);
    }
  }

  private render(reply: Reply): string {
    return renderForConsole(reply, this.options.timeZone);
  }

  private write(text: string): void {
    this.options.output.write(`${text}\n`);
  }

  private showPrompt(): void {
    if (!this.options.prompt) return;
    const prompt = `${this.identity.user}@${this.identity.channel}> `;
    // readline owns a terminal's line (redraws it while editing); on a pipe the prompt is plain text.
    if (this.options.terminal && this.lines) {
      this.lines.setPrompt(prompt);
      this.lines.prompt();
    } else this.options.output.write(prompt);
  }
}
