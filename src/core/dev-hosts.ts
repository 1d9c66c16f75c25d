/**
 * Domains under which hosts are handed out for development, not production: tunnels that expose a laptop's port,
 * and the preview URLs of cloud workspaces and sandboxes. Many are also in the private section of the public suffix
 * list (checked with tldts where it matters); this list names what they are. Each entry says where it comes from.
 */
export interface DevDomain {
  domain: string;
  /** What hands the hosts out. */
  service: string;
  source: string;
}

export const TUNNEL_DOMAINS: readonly DevDomain[] = [
  { domain: 'ngrok.io', service: 'ngrok', source: 'https://ngrok.com/docs/network-edge/domains-and-tcp-addresses/' },
  { domain: 'ngrok.app', service: 'ngrok', source: 'https://ngrok.com/docs/network-edge/domains-and-tcp-addresses/' },
  { domain: 'ngrok.dev', service: 'ngrok', source: 'https://ngrok.com/docs/network-edge/domains-and-tcp-addresses/' },
  { domain: 'ngrok-free.app', service: 'ngrok (free plan)', source: 'https://ngrok.com/docs/network-edge/domains-and-tcp-addresses/' },
  { domain: 'ngrok-free.dev', service: 'ngrok (free plan)', source: 'https://ngrok.com/docs/network-edge/domains-and-tcp-addresses/' },
  { domain: 'trycloudflare.com', service: 'Cloudflare Quick Tunnels', source: 'https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/do-more-with-tunnels/trycloudflare/' },
  { domain: 'loca.lt', service: 'localtunnel', source: 'https://github.com/localtunnel/localtunnel (default host https://localtunnel.me, URLs on loca.lt)' },
  { domain: 'localtunnel.me', service: 'localtunnel', source: 'https://github.com/localtunnel/localtunnel' },
  { domain: 'serveo.net', service: 'Serveo', source: 'https://serveo.net/' },
  { domain: 'serveousercontent.com', service: 'Serveo', source: 'https://serveo.net/' },
  { domain: 'localhost.run', service: 'localhost.run', source: 'https://localhost.run/docs/' },
  { domain: 'lhr.life', service: 'localhost.run', source: 'https://localhost.run/docs/ (free tunnels on *.lhr.life)' },
  { domain: 'pagekite.me', service: 'PageKite', source: 'https://pagekite.net/' },
  { domain: 'telebit.io', service: 'Telebit', source: 'https://telebit.cloud/' },
  { domain: 'tunnelmole.net', service: 'Tunnelmole', source: 'https://tunnelmole.com/docs/' },
  { domain: 'devtunnels.ms', service: 'Microsoft dev tunnels', source: 'https://learn.microsoft.com/azure/developer/dev-tunnels/overview' },
  { domain: 'localto.net', service: 'LocalToNet', source: 'https://localtonet.com/documents' },
  { domain: 'pinggy.link', service: 'Pinggy', source: 'https://pinggy.io/docs/' },
  { domain: 'bore.pub', service: 'bore', source: 'https://github.com/ekzhang/bore (public server bore.pub)' },
  { domain: 'tunnelto.dev', service: 'tunnelto', source: 'https://github.com/agrinman/tunnelto' },
  { domain: 'share.zrok.io', service: 'zrok', source: 'https://docs.zrok.io/' },
  { domain: 'sharedwithexpose.com', service: 'Expose', source: 'https://expose.dev/docs' },
];

export const PREVIEW_DOMAINS: readonly DevDomain[] = [
  { domain: 'replit.dev', service: 'Replit (development URL of a workspace)', source: 'https://docs.replit.com/ (workspace previews on *.replit.dev; deployments are on *.replit.app)' },
  { domain: 'repl.co', service: 'Replit (legacy workspace URL)', source: 'https://docs.replit.com/' },
  { domain: 'app.github.dev', service: 'GitHub Codespaces (forwarded port)', source: 'https://docs.github.com/codespaces/developing-in-a-codespace/forwarding-ports-in-your-codespace' },
  { domain: 'preview.app.github.dev', service: 'GitHub Codespaces (forwarded port)', source: 'https://docs.github.com/codespaces/developing-in-a-codespace/forwarding-ports-in-your-codespace' },
  { domain: 'githubpreview.dev', service: 'GitHub Codespaces (former forwarded-port domain)', source: 'https://github.blog/changelog/ (Codespaces moved port forwarding to app.github.dev)' },
  { domain: 'gitpod.io', service: 'Gitpod workspace', source: 'https://www.gitpod.io/docs/configure/workspaces/ports' },
  { domain: 'csb.app', service: 'CodeSandbox preview', source: 'https://codesandbox.io/docs/learn/environment/preview' },
  { domain: 'codesandbox.io', service: 'CodeSandbox', source: 'https://codesandbox.io/docs/' },
  { domain: 'stackblitz.io', service: 'StackBlitz', source: 'https://developer.stackblitz.com/' },
  { domain: 'webcontainer.io', service: 'StackBlitz WebContainers', source: 'https://webcontainers.io/' },
  { domain: 'webcontainer-api.io', service: 'StackBlitz WebContainers', source: 'https://webcontainers.io/' },
  { domain: 'cloudworkstations.dev', service: 'Google Cloud Workstations / Firebase Studio preview', source: 'https://cloud.google.com/workstations/docs' },
];

/** The entry whose domain the host is, or is under (the longest such), or undefined. */
export function devDomainOf(host: string, list: readonly DevDomain[]): DevDomain | undefined {
  return list
    .filter((d) => host === d.domain || host.endsWith(`.${d.domain}`))
    .sort((a, b) => b.domain.length - a.domain.length)[0];
}
