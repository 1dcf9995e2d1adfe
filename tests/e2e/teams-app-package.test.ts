// The Teams app package: the manifest validates offline against the schema @microsoft/app-manifest
// bundles, stays within Teams' limits, and the zip has what Teams wants at its root.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAppPackage, linksFromEnv, manifestFor } from '../../adapters/teams/package-app.js';

const APP_ID = '6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
const require = createRequire(import.meta.url);
const bundledSchema = (version: string) =>
  JSON.parse(
    readFileSync(join(require.resolve('@microsoft/app-manifest'), `../json-schemas/teams/v${version}/MicrosoftTeams.schema.json`), 'utf8'),
  );

const LINKS = {
  websiteUrl: 'https://example.org/followthrough',
  privacyUrl: 'https://example.org/privacy',
  termsOfUseUrl: 'https://example.org/LICENSE',
};

describe('Teams app package', () => {
  const manifest = manifestFor(APP_ID, LINKS);

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
    expect(() => manifestFor('my-bot', LINKS)).toThrow(/Azure Bot → Configuration/);
  });

  it('links only to the pages the operator gives, never to placeholder or made-up pages', () => {
    expect(manifest.developer).toMatchObject(LINKS);
    expect(() => linksFromEnv({})).toThrow(/Set TEAMS_APP_WEBSITE_URL to an https page that exists/);
    expect(linksFromEnv({ TEAMS_APP_WEBSITE_URL: 'https://example.org/x' })).toEqual({
      websiteUrl: 'https://example.org/x',
      privacyUrl: 'https://example.org/x',
      termsOfUseUrl: 'https://example.org/x',
    });
  });

  it('npm run teams:package reads MICROSOFT_APP_ID and the links from .env in FOLLOWTHROUGH_HOME', () => {
    const home = mkdtempSync(join(tmpdir(), 'ft-teams-package-'));
    writeFileSync(join(home, '.env'), `MICROSOFT_APP_ID=${APP_ID}\nTEAMS_APP_WEBSITE_URL=https://example.org/readme\n`);
    const script = fileURLToPath(new URL('../../adapters/teams/package-app.ts', import.meta.url));
    const out = execFileSync(process.execPath, ['--import', import.meta.resolve('tsx'), script], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH, FOLLOWTHROUGH_HOME: home },
      encoding: 'utf8',
    });
    expect(out).toMatch(/Wrote .*data\/teams\/followthrough-teams\.zip/);
    const files = unzipSync(readFileSync(join(home, 'data/teams/followthrough-teams.zip')));
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).developer.websiteUrl).toBe('https://example.org/readme');
    rmSync(home, { recursive: true, force: true });
  });

  it('zips manifest.json and both icons at the root, icons at the sizes Teams requires', () => {
    const files = unzipSync(buildAppPackage(APP_ID, LINKS));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).id).toBe(APP_ID);
    const size = (png: Uint8Array) => [Buffer.from(png).readUInt32BE(16), Buffer.from(png).readUInt32BE(20)];
    expect(size(files['color.png'])).toEqual([192, 192]);
    expect(size(files['outline.png'])).toEqual([32, 32]);
  });
});
