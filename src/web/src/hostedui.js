import * as oauth from 'oauth4webapi';
import { userPoolIssuer } from './config.js';

// The browser's tab keeps the PKCE verifier and the state while it visits the hosted UI, and only that tab.
const PENDING = 'testapi.hostedUi.pending';

/**
 * Sign-in through the user pool's hosted UI (its domain, config.hostedUiUrl): the authorization code flow with PKCE,
 * done by oauth4webapi. The tokens it ends with are the same a password sign-in gives.
 */
export class HostedUi {
  constructor(config) {
    this.config = config;
    // The pool's issuer (the ID token's iss), and the domain's endpoints.
    this.server = {
      issuer: userPoolIssuer(config),
      authorization_endpoint: `${config.hostedUiUrl}/oauth2/authorize`,
      token_endpoint: `${config.hostedUiUrl}/oauth2/token`,
    };
    this.client = { client_id: config.userPoolClientId };
    // Plain http only for the local cloud; a deployed domain is https.
    this.options = config.hostedUiUrl.startsWith('http://') ? { [oauth.allowInsecureRequests]: true } : {};
  }

  static offered(config) {
    return Boolean(config.hostedUiUrl);
  }

  /** Where the hosted UI sends the browser back: this app's root, one of the client's callback URLs. */
  get redirectUri() {
    return `${window.location.origin}/`;
  }

  /** Leaves for the hosted UI's sign-in page. */
  async start() {
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state }));
    const url = new URL(this.server.authorization_endpoint);
    url.searchParams.set('client_id', this.client.client_id);
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', this.redirectUri);
    // The user's own operations too (GetUser, the TOTP set-up, GlobalSignOut), as after the app's own sign-in.
    url.searchParams.set('scope', 'openid aws.cognito.signin.user.admin');
    url.searchParams.set('state', state);
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
    url.searchParams.set('code_challenge_method', 'S256');
    window.location.assign(url.href);
  }

  /** Whether this page load is the hosted UI's answer (a code or an error for a sign-in this tab started). */
  returning(url) {
    return sessionStorage.getItem(PENDING) !== null
      && (url.searchParams.has('code') || url.searchParams.has('error'));
  }

  /** The tokens for the code in `url`: { IdToken, AccessToken, RefreshToken } as InitiateAuth names them. */
  async finish(url) {
    const pending = JSON.parse(sessionStorage.getItem(PENDING));
    sessionStorage.removeItem(PENDING);
    if (url.searchParams.has('error')) {
      throw HostedUi.refusal(url.searchParams, pending.state);
    }
    const parameters = oauth.validateAuthResponse(this.server, this.client, url, pending.state);
    const response = await oauth.authorizationCodeGrantRequest(this.server, this.client, oauth.None(), parameters,
      this.redirectUri, pending.verifier, this.options);
    const tokens = await oauth.processAuthorizationCodeResponse(this.server, this.client, response);
    return { IdToken: tokens.id_token, AccessToken: tokens.access_token, RefreshToken: tokens.refresh_token };
  }

  /**
   * The OAuth error the hosted UI sent back. Whether Cognito adds `state` to an error redirect is not documented:
   * without it the error is still shown (it reveals nothing and starts no session); with a state this tab did not
   * send, the answer is not ours to read.
   */
  static refusal(parameters, expectedState) {
    const state = parameters.get('state');
    if (state !== null && state !== expectedState) {
      return new Error('The hosted UI answered a sign-in this tab did not start. Please sign in again.');
    }
    const error = new Error(parameters.get('error_description') ?? parameters.get('error'));
    error.error = parameters.get('error');
    error.error_description = parameters.get('error_description');
    return error;
  }

  /** The hosted UI's sign-out, which ends its own session too, then back to this app. */
  signOut() {
    const url = new URL(`${this.config.hostedUiUrl}/logout`);
    url.searchParams.set('client_id', this.client.client_id);
    url.searchParams.set('logout_uri', this.redirectUri);
    window.location.assign(url.href);
  }
}
