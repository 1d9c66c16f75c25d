/**
 * What `readiness init` writes: every key, commented. A test parses it with the real loader, so it cannot
 * drift from the schema unnoticed.
 */
export const INIT_TEMPLATE = `# readiness.config.yaml — what \`readiness check <environment>\` verifies.
# Reference: README.md ("Configuration"). \${VAR} and \${VAR:-default} read the process environment;
# write $\${ for a literal "\${". Relative paths are relative to this file.
version: 1

environments:
  prod:
    # Deployed services. Each must answer over HTTP(S); \`health\` (default /health) must answer 200.
    services:
      api:       { url: https://api.example.com, health: /health }
      dashboard: { url: https://app.example.com }
      widget:    { url: https://widget.example.com }
      # Optional per service (docs/http-and-tls.md): kind (api | dashboard | widget | web; default from the name),
      # route (a cheap public GET route, never a login route), origins (what its CORS policy should allow),
      # asset (a static file for CDN/CORP/build checks), plainUrl (the http:// address that must redirect).
      #   api: { url: https://api.example.com, route: /v1/products, origins: [https://app.example.com] }

    # Where the deployed environment's variables come from, merged in order (later wins).
    # Values are judged, never printed.
    env:
      - dotenv: .env.production
      # - json: env.production.json                            # a flat { "NAME": "value" } map
      # - command: railway variables --json --service api       # output parsed as json | dotenv | kv
      #   format: json
      #   timeout: 15s
      # - process: true                                         # this process's own environment

    # PostgreSQL, read-only: every query runs in a READ ONLY transaction.
    database:
      url: "\${DATABASE_URL}"
      migrations: prisma/migrations

    # AWS (Get/List/Head calls only).
    aws: { region: us-east-1, buckets: [shop-assets] }

    # Webhook endpoints; secrets are used to sign harmless test deliveries, never printed.
    webhooks:
      - { url: https://api.example.com/webhooks/shopify, provider: shopify, secret: "\${SHOPIFY_API_SECRET}" }

    # The application's repository (for Dockerfile, CI workflow, changelog checks).
    repo: .

    # Log sources scanned for leaked credentials (bounded reads).
    logs:
      - file: logs/api.log
      # - command: railway logs --service api --lines 2000

    # Public pages the Documentation section checks.
    urls:
      privacy: https://example.com/privacy
      terms: https://example.com/terms
      support: https://example.com/support

    # Extra trusted CA certificates (PEM) for a private PKI.
    # tls: { ca: certs/internal-ca.pem }

  # staging:            # more environments: same keys; compare them with prod for reused secrets
  #   services: …

# Per-check overrides: severity, enabled, timeout, and the check's own options (see \`readiness explain <id>\`).
checks:
  security.rate-limiting: { severity: high }
  # testing.cross-browser: { enabled: false }
  # deployment.health-checks: { timeout: 5s }

# The CI gate: exit 1 when a line at or above failOn fails or cannot be verified.
gate:
  failOn: high               # critical | high | medium | low
  strict: false              # true: warnings gate too
  requireAttestations: false # true: manual lines need a valid attestation

# Accepted failures: they stop gating until they expire, and every report shows them.
waivers: []
#  - { check: infrastructure.cdn, environment: prod, reason: "CDN lands next sprint", owner: jane@example.com, expires: 2027-01-31 }

# Where \`readiness attest\` records people's attestations for manual lines.
attestations: readiness.attestations.yaml

# Run settings (command-line flags win).
concurrency: 16
timeout: 20s
`;
