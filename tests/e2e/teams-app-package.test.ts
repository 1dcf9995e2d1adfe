// The Teams app package: the manifest validates offline against the schema @microsoft/app-manifest
// bundles, stays within Teams' limits, and the zip has what Teams wants at its root.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAppPackage, manifestFor } from '../../adapters/teams/package-app.js';

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const require = createRequire(import.meta.url);
const bundledSchema = (version: string) =>
  JSON.parse(readFileSync(join(require.resolve('@microsoft/app-manifest'), `../json-schemas/teams/v${version}/MicrosoftTeams.schema.json`), 'utf8'));

describe('Teams app package', () => {
  const manifest = manifestFor(APP_ID);

  it('validates against the bundled schema of its manifestVersion (offline)', async () => {
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.24);
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, bundledSchema(manifest.manifestVersion));
    expect(errors).toEqual([]);
  });

  it('puts the bot in team, groupChat and personal, with at most 12 commands a list', () => {
    const [bot] = manifest.bots;
    expect(bot.botId).toBe(APP_ID);
    expect(manifest.id).toBe(APP_ID);
    expect(bot.scopes).toEqual(['team', 'groupChat', 'personal']);
    for (const list of bot.commandLists) expect(list.commands.length).toBeLessThanOrEqual(12);
    expect(bot.commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(
      expect.arrayContaining(['list', 'add', 'done', 'show', 'snooze', 'status', 'edit', 'reopen', 'drop', 'help']),
    );
  });

  it('refuses an app id that is not a GUID, saying where to find it', () => {
    expect(() => manifestFor('my-bot')).toThrow(/Azure Bot → Configuration/);
  });

  it('zips manifest.json and both icons at the root, icons at the sizes Teams requires', () => {
    const files = unzipSync(buildAppPackage(APP_ID));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).id).toBe(APP_ID);
    const size = (png: Uint8Array) => [Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)];
    expect(size(files['color.png'])).toEqual([192, 192]);
    expect(size(files['outline.png'])).toEqual([32, 32]);
  });
});
