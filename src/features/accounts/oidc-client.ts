import * as oidc from 'openid-client';
import type { Config } from '../../config.ts';

/**
 * The OpenID Connect side of "Inloggen met SURFconext", through openid-client: discovery (kept
 * per process, tried again after a failure), the authorization URL with PKCE (S256), `state` and
 * `nonce`, and the code exchange with every check the library makes (state, nonce, issuer,
 * audience, signature, PKCE at the provider). Claims come from the userinfo endpoint, tied to the
 * subject of the ID token.
 */

export type OidcSettings = NonNullable<Config['oidc']>;

/** What SURFconext releases, as far as the platform uses it. */
export type SurfClaims = {
  sub: string;
  email: string | null;
  name: string | null;
  homeOrganisation: string | null;
  affiliations: string[];
};

/** The provider could not be reached, or did not answer in time. */
export class ProviderUnavailableError extends Error {}
/** The provider answered, but the answer fails a check (a replayed code, a wrong nonce, PKCE). */
export class ProviderRejectedError extends Error {}

/** Scopes asked for; SURFconext releases its attributes (home organisation, affiliation) with them. */
export const SCOPES = 'openid email profile';

const discovered = new Map<string, Promise<oidc.Configuration>>();

function isLoopbackUrl(url: URL): boolean {
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname);
}

async function discover(settings: OidcSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  // Plain http only for a provider on this machine (the test provider); config refuses it in production.
  const execute = issuer.protocol === 'http:' && isLoopbackUrl(issuer) ? [oidc.allowInsecureRequests] : [];
  try {
    return await oidc.discovery(issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
      execute,
      timeout: settings.timeoutSeconds,
    });
  } catch (error) {
    throw new ProviderUnavailableError(`discovery failed: ${describe(error)}`);
  }
}

/** The provider's configuration, discovered once per process; a failure is not kept. */
export function providerConfiguration(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let found = discovered.get(key);
  if (!found) {
    found = discover(settings);
    discovered.set(key, found);
    found.catch(() => discovered.delete(key));
  }
  return found;
}

export type Round = { state: string; nonce: string; codeVerifier: string; url: URL };

export async function beginRound(settings: OidcSettings): Promise<Round> {
  const config = await providerConfiguration(settings);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: SCOPES,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { state, nonce, codeVerifier, url };
}

/** The short technical reason, for the log: never a claim or a token. */
export function describe(error: unknown): string {
  if (error instanceof oidc.ResponseBodyError) return `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.name}: ${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  // fetch() failing to connect is a TypeError with the network error as its cause.
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) return true;
  if (error instanceof oidc.ResponseBodyError) return error.status >= 500;
  return error.cause instanceof Error && isUnavailable(error.cause);
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** `employee`, `staff@avans.nl` (scoped) and lists of them, all as plain lower-case values. */
function affiliations(value: unknown): string[] {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return list.filter((v): v is string => typeof v === 'string' && v !== '').map((v) => v.split('@')[0]?.toLowerCase() ?? '');
}

/**
 * Exchanges the code the provider sent back (checked against state, nonce and the PKCE verifier)
 * and reads the person's claims from the userinfo endpoint.
 */
export async function completeRound(
  settings: OidcSettings,
  callbackUrl: URL,
  checks: { state: string; nonce: string; codeVerifier: string },
): Promise<SurfClaims> {
  const config = await providerConfiguration(settings);
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      expectedState: checks.state,
      expectedNonce: checks.nonce,
      pkceCodeVerifier: checks.codeVerifier,
      idTokenExpected: true,
    });
  } catch (error) {
    if (isUnavailable(error)) throw new ProviderUnavailableError(`token request failed: ${describe(error)}`);
    throw new ProviderRejectedError(`token response refused: ${describe(error)}`);
  }
  const subject = tokens.claims()?.sub;
  if (!subject) throw new ProviderRejectedError('ID token without sub');
  let info: oidc.UserInfoResponse;
  try {
    info = await oidc.fetchUserInfo(config, tokens.access_token, subject);
  } catch (error) {
    if (isUnavailable(error)) throw new ProviderUnavailableError(`userinfo request failed: ${describe(error)}`);
    throw new ProviderRejectedError(`userinfo refused: ${describe(error)}`);
  }
  const homeOrganisation = text(info.schac_home_organization);
  return {
    sub: subject,
    email: text(info.email)?.toLowerCase() ?? null,
    name: text(info.name),
    homeOrganisation: homeOrganisation?.toLowerCase() ?? null,
    affiliations: affiliations(info.eduperson_affiliation),
  };
}
