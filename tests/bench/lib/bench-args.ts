/** What the benchmark children share: the workspace, the zones, the instants, and how a target database is passed. */
export const WORKSPACE = 'W1';
export const BENCH_SEED_AT = '2024-03-01T08:00:00Z';
/** The tick runs here: 0.1% of commitments and channels have a next reminder time at or before it. */
export const BENCH_NOW = '2024-03-01T12:00:00Z';

/** 24 zones, one per hour offset band, so quiet hours and local days differ across owners. */
export const ZONES = [
  'Pacific/Pago_Pago',
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Halifax',
  'America/Sao_Paulo',
  'Atlantic/South_Georgia',
  'Atlantic/Azores',
  'UTC',
  'Europe/Paris',
  'Europe/Athens',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Noumea',
  'Pacific/Auckland',
];

/** Every DUE_EVERY-th seeded commitment and channel is due at BENCH_NOW (~0.1%). */
export const DUE_EVERY = 1_000;

/**
 * Where the seed puts item i: users scale with the workspace (2,000, or one per 100 items, up to
 * 10,000), and the due items (every DUE_EVERY-th) each land on a channel and an owner of their own,
 * spread over all 24 zones, so a tick's per-owner and per-zone work is what a real workspace costs.
 */
export const seedLayout = (commitments: number, channels: number) => {
  const users = Math.max(1, Math.min(commitments, Math.max(2_000, Math.min(10_000, Math.floor(commitments / 100)))));
  return {
    users,
    channelOf: (i: number) => (i + Math.floor(i / DUE_EVERY)) % channels,
    ownerOf: (i: number) => (i * 7 + Math.floor(i / DUE_EVERY)) % users,
  };
};

/** A SQLite file or a PostgreSQL URL. */
export interface Target {
  file?: string;
  url?: string;
}

export interface ChildArgs {
  target: Target;
  commitments: number;
  channels: number;
}

export function childArgs(args: ChildArgs): string[] {
  return [JSON.stringify(args)];
}

export function parseArgs(argv: string[]): ChildArgs {
  return JSON.parse(argv[0]) as ChildArgs;
}

/** `10k` → 10000, `1M` → 1000000. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text} (use e.g. 10k, 100k, 1M)`);
  return Math.round(Number(match[1]) * (match[2].toLowerCase() === 'k' ? 1e3 : match[2].toLowerCase() === 'm' ? 1e6 : 1));
}

export function formatSize(n: number): string {
  return n >= 1e6 && n % 1e6 === 0 ? `${n / 1e6}M` : n >= 1e3 && n % 1e3 === 0 ? `${n / 1e3}k` : String(n);
}

/** `--name value` from argv, else the fallback. */
export function option(argv: string[], name: string, fallback: string): string {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] ? argv[at + 1] : fallback;
}
