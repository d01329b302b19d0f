// A real OpenID Connect provider on loopback (the certified `oidc-provider` package), for Tandem's SSO tests and
// `make sso-dev-provider` (issue 14). Configured by the environment, so each test chooses its people and keys:
//   OIDC_PORT           port on 127.0.0.1 (the issuer is http://127.0.0.1:<port> unless OIDC_ISSUER says otherwise)
//   OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI   the one client: Tandem's engagement callback
//   OIDC_ACCOUNTS       JSON: { "<login>": { "email": …, "given_name": …, "family_name": …, "department": …,
//                       "manager_email": … } }; the login page (the package's own) accepts these logins, any password
//   OIDC_JWKS           JSON private key set (optional): the tests sign forged tokens with the same key
// It prints "ready <issuer>" once listening.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT || 9400);
const issuer = process.env.OIDC_ISSUER || `http://127.0.0.1:${port}`;
const accounts = JSON.parse(process.env.OIDC_ACCOUNTS || '{}');

// OIDC_CLIENT_SECRET set to an empty string makes a public client (PKCE alone, no secret at the token endpoint).
const secret = process.env.OIDC_CLIENT_SECRET ?? 'tandem-dev-secret';
const client = {
  client_id: process.env.OIDC_CLIENT_ID || 'tandem',
  redirect_uris: [process.env.OIDC_REDIRECT_URI || 'http://127.0.0.1:8080/api/engagement/sso/oidc/callback'],
  grant_types: ['authorization_code'],
  response_types: ['code'],
  token_endpoint_auth_method: secret ? 'client_secret_basic' : 'none',
};
if (secret) client.client_secret = secret;

const configuration = {
  clients: [client],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['given_name', 'family_name', 'department', 'manager_email'],
  },
  // The claims of the granted scopes go in the ID token itself (Tandem reads the ID token, not userinfo).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  ttl: { IdToken: Number(process.env.OIDC_ID_TOKEN_TTL || 3600) },
  async findAccount(ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email_verified: true, ...account };
      },
    };
  },
  // Tandem is the company's own application: the person consents once to Tandem (its own page), not here.
  async loadExistingGrant(ctx) {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
};
if (process.env.OIDC_JWKS) configuration.jwks = JSON.parse(process.env.OIDC_JWKS);

const provider = new Provider(issuer, configuration);
provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
