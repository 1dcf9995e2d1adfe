/**
 * Which workspace a request belongs to: the request's own team — the enterprise for an org-wide
 * install — never the installation's by default. One token serves one team (or one org), so a
 * signed request naming another team is refused rather than served from this team's data.
 */
import type { SlackIdentity } from './slack-context.js';

export interface RequestTeam {
  teamId?: string | null;
  enterpriseId?: string | null;
}

export type ServedWorkspace = { ok: true; workspaceId: string; name?: string } | { ok: false; refusal: string };

export function servedWorkspace(identity: SlackIdentity, team: RequestTeam): ServedWorkspace {
  if (identity.isEnterpriseInstall && identity.enterpriseId) {
    if (team.enterpriseId === identity.enterpriseId)
      return { ok: true, workspaceId: identity.enterpriseId, name: identity.enterpriseName ?? identity.teamName };
  } else if (
    team.teamId &&
    team.teamId === identity.teamId &&
    (!team.enterpriseId || !identity.enterpriseId || team.enterpriseId === identity.enterpriseId)
  ) {
    return { ok: true, workspaceId: identity.teamId, name: identity.teamName };
  }
  const home = identity.isEnterpriseInstall
    ? (identity.enterpriseName ?? identity.teamName ?? 'its organisation')
    : (identity.teamName ?? identity.teamId);
  return {
    ok: false,
    refusal: `This Followthrough is installed for ${home} only, so it cannot read or change anything in your workspace. Nothing was read or changed. Ask an admin of your workspace to install Followthrough there.`,
  };
}

/** The team an Events API envelope was delivered for: its authorization (Slack Connect), else the envelope's. */
export function eventTeam(body: {
  team_id?: string;
  enterprise_id?: string | null;
  authorizations?: { team_id?: string | null; enterprise_id?: string | null }[];
}): RequestTeam {
  const auth = body.authorizations?.[0];
  return { teamId: auth?.team_id ?? body.team_id, enterpriseId: auth?.enterprise_id ?? body.enterprise_id };
}
