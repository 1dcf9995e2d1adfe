/**
 * `npm run teams:package`: writes the Teams app zip to upload (manifest with the app id from
 * MICROSOFT_APP_ID, the developer links from TEAMS_APP_*_URL, and the two icons) under data/, which
 * git ignores. Reads `.env` from FOLLOWTHROUGH_HOME like every other command.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { loadEnvFile } from '../../src/cli/load-env-file.js';
import { followthroughHome, resolveFromHome } from '../../src/config/home.js';

/** The developer links Teams requires (https, pages that exist): the checked-in manifest has placeholders only. */
export interface DeveloperLinks {
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

const HTTPS = /^https:\/\/\S+$/;

export function linksFromEnv(env: NodeJS.ProcessEnv = process.env): DeveloperLinks {
  const website = env.TEAMS_APP_WEBSITE_URL;
  if (!website || !HTTPS.test(website)) {
    throw new Error(
      `Set TEAMS_APP_WEBSITE_URL to an https page that exists (for example your repository's README): Teams shows it as the app's website, and uses it for privacy and terms unless TEAMS_APP_PRIVACY_URL and TEAMS_APP_TERMS_URL are set${website ? `; got "${website}"` : ''}.`,
    );
  }
  return { websiteUrl: website, privacyUrl: env.TEAMS_APP_PRIVACY_URL || website, termsOfUseUrl: env.TEAMS_APP_TERMS_URL || website };
}

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'appPackage');
const PLACEHOLDER_ID = '00000000-0000-0000-0000-000000000000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts of the Teams manifest this file fills in or tests read; the rest passes through as it is. */
export interface TeamsManifest {
  id: string;
  manifestVersion: string;
  developer: Record<string, string>;
  bots: { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
  [field: string]: unknown;
}

/** The manifest with the real app id filled in (both the app id and the bot id are the Azure Bot's). */
export function manifestFor(appId: string, links: DeveloperLinks): TeamsManifest {
  if (!GUID.test(appId)) {
    throw new Error(
      `MICROSOFT_APP_ID must be the Azure Bot's Microsoft App ID, a GUID (Azure portal → your Azure Bot → Configuration); got "${appId}".`,
    );
  }
  const manifest = JSON.parse(readFileSync(join(PACKAGE_DIR, 'manifest.json'), 'utf8')) as TeamsManifest;
  manifest.id = appId;
  manifest.developer = { ...manifest.developer, ...links };
  for (const bot of manifest.bots) if (bot.botId === PLACEHOLDER_ID) bot.botId = appId;
  return manifest;
}

export function buildAppPackage(appId: string, links: DeveloperLinks): Uint8Array {
  return zipSync({
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifestFor(appId, links), null, 2)}\n`),
    'color.png': readFileSync(join(PACKAGE_DIR, 'color.png')),
    'outline.png': readFileSync(join(PACKAGE_DIR, 'outline.png')),
  });
}

export function writeAppPackage(
  appId: string,
  links: DeveloperLinks,
  outFile = resolveFromHome('data/teams/followthrough-teams.zip'),
): string {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, buildAppPackage(appId, links));
  return outFile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  loadEnvFile(join(followthroughHome(), '.env'));
  const appId = process.env.MICROSOFT_APP_ID;
  if (!appId) {
    console.error(
      'Set MICROSOFT_APP_ID (Azure portal → your Azure Bot → Configuration → Microsoft App ID), then run npm run teams:package again.',
    );
    process.exit(1);
  }
  try {
    console.log(
      `Wrote ${writeAppPackage(appId, linksFromEnv(), process.argv[2] ? resolve(process.argv[2]) : undefined)} — upload it in Teams: Apps → Manage your apps → Upload an app.`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
