/**
 * The adapter contract: one conversation every adapter must carry the same way. Each adapter's
 * test supplies a driver that pushes a command in (as a given user) and pops the reply text out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export interface ContractDriver {
  /** Sends `text` as `user` ('alice' or 'bob', mapped to platform users by the driver); returns the reply as plain text. */
  send(text: string, user?: 'alice' | 'bob'): Promise<string>;
  /** How the driver writes a mention of a user in a command (`@bob`, `<@U_BOB>`, `<at>bob</at>`). */
  mention(user: 'alice' | 'bob'): string;
  close(): Promise<void>;
}

export function runConversationContract(adapterName: string, makeDriver: () => Promise<ContractDriver>): void {
  describe(`adapter contract: ${adapterName}`, () => {
    let driver: ContractDriver;
    beforeAll(async () => {
      driver = await makeDriver();
    });
    afterAll(async () => {
      await driver?.close();
    });

    it('adds a commitment with an owner and a deadline, visible in the list', async () => {
      const added = await driver.send(`add Appoint liaison officers ${driver.mention('bob')} due 2099-03-15 tag:border`);
      expect(added).toMatch(/added C-1: Appoint liaison officers/);
      expect(added).toMatch(/15 Mar 2099/);
      const list = await driver.send('list');
      expect(list).toMatch(/C-1/);
      expect(list).toMatch(/Appoint liaison officers/);
    });

    it('answers bad input with what to type instead, changing nothing', async () => {
      expect(await driver.send('add')).toMatch(/Say what was promised/);
      expect(await driver.send('done C-99')).toMatch(/can't find C-99/);
      expect(await driver.send('frobnicate')).toMatch(/I don't know "frobnicate"/);
      expect(await driver.send('list')).not.toMatch(/C-2/);
    });

    it('refuses a change by someone who is not owner, creator or admin', async () => {
      await driver.send('add Deploy military liaison officers due 2099-04-01', 'bob');
      const refused = await driver.send('drop C-2', 'alice');
      expect(refused).toMatch(/Only the owners/);
      expect(await driver.send('list')).toMatch(/C-2/);
    });

    it('marks done once; a second done changes nothing and says so', async () => {
      expect(await driver.send('done C-1 officers appointed', 'bob')).toMatch(/marked C-1 done/);
      expect(await driver.send('done C-1', 'bob')).toMatch(/already done/);
      expect(await driver.send('list')).not.toMatch(/C-1 /);
    });

    it('shows one commitment with its history', async () => {
      const shown = await driver.send('show C-1');
      expect(shown).toMatch(/Appoint liaison officers/);
      expect(shown).toMatch(/created/);
      expect(shown).toMatch(/done/);
    });
  });
}
